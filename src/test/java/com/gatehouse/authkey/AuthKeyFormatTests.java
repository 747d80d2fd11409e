package com.gatehouse.authkey;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthKeyFormatTests {

	private final AuthKeyFormat format = new AuthKeyFormat();

	@Test
	void generateWhenCalledThenAnswersPrefixedUrlSafeSecretAndChecksum() {
		String key = this.format.generate();

		assertThat(key).matches("ghk_[A-Za-z0-9_-]{43}[0-9A-Za-z]{6}");
	}

	@Test
	void generateWhenCalledThenLastSixCharactersAreTheChecksumOfTheRest() {
		String key = this.format.generate();

		String body = key.substring(0, key.length() - 6);
		assertThat(key.substring(key.length() - 6)).isEqualTo(AuthKeyFormat.checksum(body));
	}

	@Test
	void generateWhenCalledTwiceThenAnswersDifferentKeys() {
		assertThat(this.format.generate()).isNotEqualTo(this.format.generate());
	}

	@Test
	void generateWhenCalledThenAnswersAnAcceptableClientKey() {
		assertThat(AuthKeyFormat.isWellFormed(this.format.generate())).isTrue();
	}

	@Test
	void checksumWhenKnownInputThenAnswersCrc32InSixBase62Digits() {
		// CRC32("123456789") = 0xCBF43926 = 3421780262, in base 62 with digits 0-9A-Za-z.
		assertThat(AuthKeyFormat.checksum("123456789")).isEqualTo("3jZRME");
		assertThat(AuthKeyFormat.checksum("")).isEqualTo("000000");
	}

	@Test
	void checksumWhenAnyInputThenAgreesWithCrc32() {
		String body = "ghk_" + "A".repeat(43);
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));

		assertThat(AuthKeyFormat.checksum(body)).isEqualTo("0h2MGA");
		assertThat(fromBase62(AuthKeyFormat.checksum(body))).isEqualTo(crc.getValue());
	}

	@Test
	void digestWhenKnownInputThenAnswersSha256InLowerCaseHex() {
		assertThat(AuthKeyFormat.digest("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void hintWhenServerKeyThenAnswersPrefixAndLastFourCharacters() {
		String key = "ghk_" + "x".repeat(43) + "abWXYZ";

		assertThat(AuthKeyFormat.hint(key)).isEqualTo("ghk_...WXYZ");
	}

	@Test
	void hintWhenClientKeyWithoutPrefixThenAnswersOnlyLastFourCharacters() {
		String key = "client-chosen-key-of-32-chars-9876";

		assertThat(AuthKeyFormat.hint(key)).isEqualTo("...9876");
	}

	@Test
	void isWellFormedWhenLengthAndAlphabetThenFollowsTheRule() {
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(31))).isFalse();
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(32))).isTrue();
		assertThat(AuthKeyFormat.isWellFormed("aZ09_-".repeat(6))).isTrue();
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(256))).isTrue();
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(257))).isFalse();
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(31) + ".")).isFalse();
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(31) + "+")).isFalse();
		assertThat(AuthKeyFormat.isWellFormed("a".repeat(31) + "é")).isFalse();
		assertThat(AuthKeyFormat.isWellFormed("AZaz09_-".repeat(4))).isTrue();
		for (char neighbour : "/:@[`{^ ".toCharArray()) {   // each just outside a range the alphabet allows
			assertThat(AuthKeyFormat.isWellFormed("a".repeat(31) + neighbour)).as("ends with '%s'", neighbour).isFalse();
			assertThat(AuthKeyFormat.isWellFormed(neighbour + "a".repeat(31))).as("starts with '%s'", neighbour).isFalse();
		}
	}

	private static long fromBase62(String digits) {
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		long value = 0;
		for (char digit : digits.toCharArray()) {
			value = value * 62 + alphabet.indexOf(digit);
		}
		return value;
	}
}
