package com.gatehouse.authkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
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

	private static final Pattern CLIENT_CHOSEN = Pattern.compile("[A-Za-z0-9_-]{32,256}");

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int CHECKSUM_CHARS = 6;

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
		return CLIENT_CHOSEN.matcher(key).matches() && (!key.startsWith(PREFIX) || hasValidChecksum(key));
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
