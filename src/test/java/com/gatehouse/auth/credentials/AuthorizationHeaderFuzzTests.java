package com.gatehouse.auth.credentials;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.gatehouse.FuzzCorpus;
import com.gatehouse.Fuzzing;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link AuthorizationHeader}: for any header value it answers a key or throws
 * {@link CredentialsRejected} (the generic 401), never another exception (a 500), and the reason it
 * gives (which is logged) never echoes a key-sized piece of the header. A well-formed
 * {@code token auth=KEY}, in any letter case, quoted or not, with spaces or tabs around its parts,
 * yields exactly KEY.
 *
 * <p>Inputs come from fixed seeds ({@link Fuzzing}) and from the committed corpus under
 * {@code fuzz/authorization/}, which a parameterized test replays every run, decoded as ISO-8859-1
 * (as Tomcat hands header bytes over) and as UTF-8. Corpus files named {@code valid-*} must yield the
 * text after their {@code =}, without the spaces and quotes around it.
 */
class AuthorizationHeaderFuzzTests {

	/** RFC 9110 token68: what a key can be made of; {@code =} only as trailing padding. */
	private static final String TOKEN68 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";

	/** Runs of characters that could be a key or a piece of one. */
	private static final Pattern KEY_LIKE_RUN = Pattern.compile("[A-Za-z0-9_\\-.~+/=]{17,}");

	/** Anything longer than this, echoed in a logged reason, would leak most of a 32-character key. */
	private static final int LONGEST_SAFE_ECHO = 16;

	private static final List<String> PIECES = List.of("token", "TOKEN", "Token", "auth", "AUTH", "aUtH", "=", "\"",
			" ", "\t", ",", ";", "Bearer ", "Basic ", "key", "realm", "ghk_", "0123456789abcdefABCDEF-_", "==", "\r\n",
			"\n", "\u0000", "\u00A0", "\u212A", "\u0130", "\u00DF", "\uFEFF", "\u2003", "\uFF54", "\\", "'", "%20",
			"\u00E9", "\uD83D\uDE00", "\uD800");

	private static final List<Named<byte[]>> CORPUS = FuzzCorpus.entries("authorization");

	@Test
	void keyWhenAnyStringThenKeyOrRejected() {
		Fuzzing.forAll(1701, 10000, AuthorizationHeaderFuzzTests::anyString,
				AuthorizationHeaderFuzzTests::assertKeyOrRejected);
	}

	@Test
	void keyWhenHeaderMadeOfItsOwnPiecesThenKeyOrRejected() {
		Fuzzing.forAll(1702, 20000, AuthorizationHeaderFuzzTests::pieces,
				AuthorizationHeaderFuzzTests::assertKeyOrRejected);
	}

	@Test
	void keyWhenCorpusEntryMutatedThenKeyOrRejected() {
		Fuzzing.forAll(1703, 5000, AuthorizationHeaderFuzzTests::mutatedCorpusEntry,
				AuthorizationHeaderFuzzTests::assertKeyOrRejected);
	}

	@Test
	void keyWhenWellFormedInAnyCaseQuotedOrSpacedThenExactlyTheKey() {
		Fuzzing.forAll(1704, 20000, WellFormed::of, (wellFormed) -> {
			assertThat(AuthorizationHeader.key(wellFormed.header())).isEqualTo(wellFormed.key());
		});
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void keyWhenCorpusEntryThenKeyOrRejected(byte[] entry, String name) {
		String asTomcatDecodes = new String(entry, StandardCharsets.ISO_8859_1);
		String asUtf8 = new String(entry, StandardCharsets.UTF_8);

		assertKeyOrRejected(asTomcatDecodes);
		assertKeyOrRejected(asUtf8);
		if (name.startsWith("valid-")) {
			String value = asUtf8.substring(asUtf8.indexOf('=') + 1).strip();
			String key = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
			assertThat(AuthorizationHeader.key(asUtf8)).isEqualTo(key);
		}
	}

	static Stream<Arguments> corpus() {
		return CORPUS.stream().map((entry) -> Arguments.of(entry, entry.getName()));
	}

	private static void assertKeyOrRejected(String header) {
		String key;
		try {
			key = AuthorizationHeader.key(header);
		}
		catch (CredentialsRejected rejected) {
			assertThat(rejected.kind()).isEqualTo(CredentialKind.KEY);
			assertThat(rejected.getMessage()).isNotBlank();
			assertNoKeySizedEcho(header, rejected.getMessage());
			return;
		}
		assertThat(key).isNotEmpty().doesNotContainAnyWhitespaces().doesNotContain("\"", ",", ";", "\u0000");
		assertThat(key.chars().allMatch((c) -> c > 0x20 && c < 0x7F)).as("printable ASCII key").isTrue();
		assertThat(header).contains(key);
	}

	private static void assertNoKeySizedEcho(String header, String reason) {
		String said = reason.toLowerCase(Locale.ROOT);
		Matcher runs = KEY_LIKE_RUN.matcher(header);
		while (runs.find()) {
			String run = runs.group().toLowerCase(Locale.ROOT);
			for (int at = 0; at + LONGEST_SAFE_ECHO < said.length(); at++) {
				assertThat(run).as("the reason '%s' echoes a key-sized piece of the header", reason)
					.doesNotContain(said.substring(at, at + LONGEST_SAFE_ECHO + 1));
			}
		}
	}

	/** A well-formed header and the key it carries. */
	record WellFormed(String header, String key) {

		static WellFormed of(Random random) {
			StringBuilder key = new StringBuilder();
			for (int i = 1 + Fuzzing.length(random, 300); i > 0; i--) {
				key.append(TOKEN68.charAt(random.nextInt(TOKEN68.length())));
			}
			key.append("=".repeat(random.nextInt(3)));
			boolean quoted = random.nextBoolean();
			String header = spaces(random, 0) + anyCase(random, "token") + spaces(random, 1) + anyCase(random, "auth")
					+ spaces(random, 0) + "=" + spaces(random, 0) + (quoted ? "\"" + key + "\"" : key)
					+ spaces(random, 0);
			return new WellFormed(header, key.toString());
		}

		private static String anyCase(Random random, String word) {
			StringBuilder cased = new StringBuilder();
			for (char c : word.toCharArray()) {
				cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
			}
			return cased.toString();
		}

		private static String spaces(Random random, int atLeast) {
			StringBuilder spaces = new StringBuilder();
			for (int i = atLeast + random.nextInt(3); i > 0; i--) {
				spaces.append(random.nextBoolean() ? ' ' : '\t');
			}
			return spaces.toString();
		}

		@Override
		public String toString() {
			return this.header;
		}
	}

	/** Any string at all, lone surrogates and control characters included. */
	private static String anyString(Random random) {
		StringBuilder header = new StringBuilder();
		for (int i = Fuzzing.length(random, 200); i > 0; i--) {
			header.append(random.nextBoolean() ? (char) random.nextInt(0x80) : (char) random.nextInt(Character.MAX_VALUE + 1));
		}
		return header.toString();
	}

	/** The header's own vocabulary (and its near misses) in any order, now and then with a long run. */
	private static String pieces(Random random) {
		StringBuilder header = new StringBuilder();
		for (int i = Fuzzing.length(random, 12); i > 0; i--) {
			header.append(Fuzzing.oneOf(random, PIECES));
		}
		if (random.nextInt(10) == 0) {
			header.insert(random.nextInt(header.length() + 1), Fuzzing.oneOf(random, "k", " ", "=", "\"").repeat(5000));
		}
		return header.toString();
	}

	private static String mutatedCorpusEntry(Random random) {
		Named<byte[]> entry = Fuzzing.oneOf(random, CORPUS);
		List<Character> chars = new ArrayList<>();
		for (char c : new String(entry.getPayload(), StandardCharsets.ISO_8859_1).toCharArray()) {
			chars.add(c);
		}
		for (int mutations = 1 + random.nextInt(3); mutations > 0; mutations--) {
			int at = chars.isEmpty() ? 0 : random.nextInt(chars.size());
			switch (random.nextInt(4)) {
				case 0 -> {
					if (!chars.isEmpty()) {
						chars.set(at, (char) random.nextInt(0x100));
					}
				}
				case 1 -> {
					for (char c : Fuzzing.oneOf(random, PIECES).toCharArray()) {
						chars.add(at++, c);
					}
				}
				case 2 -> chars.subList(at, Math.min(chars.size(), at + 1 + random.nextInt(6))).clear();
				default -> chars.subList(at, chars.size()).clear();
			}
		}
		StringBuilder header = new StringBuilder();
		chars.forEach(header::append);
		return header.toString();
	}
}
