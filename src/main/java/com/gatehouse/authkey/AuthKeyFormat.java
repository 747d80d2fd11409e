package com.gatehouse.authkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What an Auth Key looks like (rest-api.md §3): {@code ghk_}, 256 bits from a CSPRNG in URL-safe
 * base64, then a 6-character CRC32 checksum, so secret scanners can recognise a leaked key and
 * check it offline. Client-chosen keys need only be 32 to 256 characters of {@code [A-Za-z0-9_-]},
 * but one that starts with {@code ghk_} must end with its checksum too: whatever carries the prefix
 * verifies, so a scanner can trust it and the server can refuse a value that does not without
 * looking it up. The server keeps only {@link #digest}: SHA-256 is enough for a 256-bit random
 * secret, which cannot be guessed from its digest, and the lookup is by digest so no key is
 * compared in clear (docs/security-keys.md).
 */
final class AuthKeyFormat {

	static final String PREFIX = "ghk_";

	private static final int MIN_CHARS = 32, MAX_CHARS = 256;

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int CHECKSUM_CHARS = 6;

	/** The least estimated entropy of a client-chosen key (docs/security.md, "Client-chosen keys"). */
	static final int MIN_CHOSEN_BITS = 96;

	private final SecureRandom random = new SecureRandom();

	String generate() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String body = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return body + checksum(body);
	}

	/**
	 * Whether {@code key} could be a stored key: every generated key is, and a client-chosen one must
	 * be to be accepted. Anything else names no key, so it is refused without a lookup.
	 */
	static boolean isWellFormed(String key) {
		return hasClientChosenForm(key) && (!key.startsWith(PREFIX) || hasValidChecksum(key));
	}

	/**
	 * {@code [A-Za-z0-9_-]{32,256}}, checked without a regex: this runs on every Auth Key call, and a
	 * {@code Matcher} per call was a few percent of what a key call allocates.
	 */
	private static boolean hasClientChosenForm(String key) {
		if (key.length() < MIN_CHARS || key.length() > MAX_CHARS) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a client-chosen {@code key} carries at least {@link #MIN_CHOSEN_BITS} bits by
	 * {@link #estimatedBits}: a word plus padding, a run or an alphabet in order does not.
	 */
	static boolean isUnguessable(String key) {
		return estimatedBits(key) >= MIN_CHOSEN_BITS;
	}

	/**
	 * The estimated entropy of {@code key} in bits: the Shannon entropy of its own character
	 * frequencies (bits per character) times the number of characters that count. A character does
	 * not count when it repeats the one before or is its neighbour in ASCII ({@code aaaa}, {@code 1234}
	 * and {@code dcba} count their first character only), or when it ends three characters in a row
	 * that repeat the three at some distance before ({@code Summer2024Summer2024} counts its second
	 * half's first two characters only). A uniformly random value scores close to its true entropy;
	 * padding, sequences and repeated words add almost nothing.
	 */
	static double estimatedBits(String key) {
		Map<Character, Integer> counts = new HashMap<>();
		int counted = 0;
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			counts.merge(c, 1, Integer::sum);
			if ((i == 0 || Math.abs(c - key.charAt(i - 1)) > 1) && !endsARepeat(key, i)) {
				counted++;
			}
		}
		double perCharacter = 0;
		for (int count : counts.values()) {
			double share = (double) count / key.length();
			perCharacter -= share * Math.log(share) / Math.log(2);
		}
		return counted * perCharacter;
	}

	private static boolean endsARepeat(String key, int at) {
		for (int distance = 1; at - 2 - distance >= 0; distance++) {
			if (key.charAt(at) == key.charAt(at - distance) && key.charAt(at - 1) == key.charAt(at - 1 - distance)
					&& key.charAt(at - 2) == key.charAt(at - 2 - distance)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasValidChecksum(String key) {
		int split = key.length() - CHECKSUM_CHARS;
		return split >= PREFIX.length() && checksum(key.substring(0, split)).equals(key.substring(split));
	}

	static String digest(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every Java platform has SHA-256", impossible);
		}
	}

	/** A reminder of which key this is, safe to show: the prefix (if ours) and the last 4 characters. */
	static String hint(String key) {
		String prefix = key.startsWith(PREFIX) ? PREFIX : "";
		return prefix + "..." + key.substring(key.length() - 4);
	}

	static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		long value = crc.getValue();
		char[] chars = new char[CHECKSUM_CHARS];
		for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
			chars[i] = BASE62.charAt((int) (value % 62));
			value /= 62;
		}
		return new String(chars);
	}
}
