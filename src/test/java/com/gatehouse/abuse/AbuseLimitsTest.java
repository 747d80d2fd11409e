package com.gatehouse.abuse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.gatehouse.GatehouseTest;
import com.gatehouse.MutableClock;

/**
 * The one context the brute-force tests share: the limits at their defaults (the suite's own
 * context raises the address limit, since every test connects from 127.0.0.1), time moved by a
 * {@link MutableClock}, and password hashes that may queue for as long as a race of 50 logins
 * needs, so no answer is a 429 of the hash limit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GatehouseTest
@TestPropertySource(properties = { "gatehouse.abuse.address-failures=100", "gatehouse.passwords.queue-timeout=60s" })
@Import(AbuseLimitsTest.MovableTime.class)
@ExtendWith(AbuseLimitsTest.LoopbackForgiven.class)
@interface AbuseLimitsTest {

	/**
	 * Forgets the failed credentials counted against 127.0.0.1 before each test. The rest of the
	 * suite fails credentials from there on purpose, under its raised limit, and in one window (the
	 * counters live in the shared store) enough of them pass the default limit here, which would
	 * throttle the setup calls these tests make from 127.0.0.1.
	 */
	class LoopbackForgiven implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			SpringExtension.getApplicationContext(context)
				.getBean(AbuseCounters.class)
				.reset(FailedCredentials.ADDRESS_FAILURES, "127.0.0.1");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	class MovableTime {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}
	}
}
