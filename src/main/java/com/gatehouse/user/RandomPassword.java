package com.gatehouse.user;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A password made up for an operator who did not choose one (the first System-Admin's, and the
 * admin command line's): 144 random bits as 24 URL-safe characters, inside the 12 to 128 a password
 * may have, and easy to copy from a terminal.
 */
public final class RandomPassword {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomPassword() {
	}

	public static String generate() {
		byte[] random = new byte[18];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}
}
