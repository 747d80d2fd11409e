package com.gatehouse.session;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/**
 * Session ids of 256 bits from a CSPRNG, URL-safe so the cookie carries the id unencoded (Spring
 * Session's default UUIDs have only 122 random bits).
 */
final class RandomSessionIds implements SessionIdGenerator {

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] id = new byte[32];
		this.random.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}
}
