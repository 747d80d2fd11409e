package com.gatehouse;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Client addresses for {@code X-Forwarded-For}, which the service believes from the loopback
 * peer every test connects from (a trusted proxy). Each test that fails credentials on purpose
 * sends its own, so its failures never count against 127.0.0.1 or another test's address.
 */
public final class FakeAddress {

	private FakeAddress() {
	}

	/** A random address in 10.0.0.0/8. */
	public static String unique() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}
}
