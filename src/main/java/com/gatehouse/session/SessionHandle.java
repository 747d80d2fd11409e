package com.gatehouse.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The public name of a session in listings and audit events: its owner's id, a dot, and the first
 * 128 bits of the SHA-256 of the session id in hex. It names a session to end but can never act as
 * one: the session id (the cookie value, 256 random bits) cannot be computed back from it. It needs
 * nothing but the id, so it works for every session store; the owner's id in it lets a delete find
 * the session through the store's per-user index instead of searching every user's sessions.
 */
record SessionHandle(long userId, String digest) {

	/** What a handle looks like, for validating one a client sends (18 digits always fit a long). */
	static final String FORMAT = "[0-9]{1,18}\\.[0-9a-f]{32}";

	private static final int DIGEST_BYTES = 16;

	static SessionHandle of(long userId, String sessionId) {
		return new SessionHandle(userId, HexFormat.of().formatHex(sha256(sessionId), 0, DIGEST_BYTES));
	}

	/** The handle in {@code text}, which matches {@link #FORMAT}. */
	static SessionHandle parse(String text) {
		int dot = text.indexOf('.');
		return new SessionHandle(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1));
	}

	String text() {
		return this.userId + "." + this.digest;
	}

	private static byte[] sha256(String sessionId) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("Every Java runtime has SHA-256", missing);
		}
	}
}
