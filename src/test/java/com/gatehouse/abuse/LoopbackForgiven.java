package com.gatehouse.abuse;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Forgets the failed credentials counted against 127.0.0.1 before each test, for tests that run at
 * the default address limit ({@link com.gatehouse.MovableTimeTest}). The rest of the suite fails
 * credentials from there on purpose, under its raised limit, and in one window (the counters live in
 * the shared store) enough of them pass the default limit here, which would throttle the setup calls
 * these tests make from 127.0.0.1.
 */
public final class LoopbackForgiven implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context)
			.getBean(AbuseCounters.class)
			.reset(FailedCredentials.ADDRESS_FAILURES, "127.0.0.1");
	}
}
