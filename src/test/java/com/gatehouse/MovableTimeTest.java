package com.gatehouse;

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

import com.gatehouse.abuse.LoopbackForgiven;

/**
 * A {@link GatehouseTest} in the one context the tests that move time share (session lifetimes, key
 * lifetimes, lockouts and the address throttle), so no other test sees the moved time. The service's
 * clock is a {@link MutableClock}, back at real time when each test starts. The abuse limits are the
 * defaults (the suite's own context raises the address limit, since every test connects from
 * 127.0.0.1), with the failures counted against 127.0.0.1 forgotten before each test
 * ({@link LoopbackForgiven}). Password hashes may queue for as long as a race of 50 logins needs, so no answer is a
 * 429 of the hash limit. Keys live at most 30 days and a rotated-out value works for 5 more minutes
 * (authkey/AuthKeyLifetimeTests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GatehouseTest
@TestPropertySource(properties = { "gatehouse.abuse.address-failures=100", "gatehouse.passwords.queue-timeout=60s",
		"gatehouse.keys.max-lifetime=P30D", "gatehouse.keys.rotation-grace=PT5M",
		// LoginLockTests races 50 logins from loopback at once: more than one address may have in progress.
		"gatehouse.web.max-requests-per-address=100" })
@Import(MovableTimeTest.MovableTime.class)
@ExtendWith({ MovableTimeTest.RealTimeFirst.class, LoopbackForgiven.class })
public @interface MovableTimeTest {

	/** Sets the clock back to real time before each test, whatever the test before it moved. */
	class RealTimeFirst implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
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
