package com.gatehouse.abuse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import com.gatehouse.MutableClock;

/**
 * The one context the brute-force tests share: the limits at their defaults (the suite's own
 * context raises the address limit, since every test connects from 127.0.0.1), time moved by a
 * {@link MutableClock}, and password hashes that may queue for as long as a race of 50 logins
 * needs, so no answer is a 429 of the hash limit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.abuse.address-failures=100", "gatehouse.passwords.queue-timeout=60s" })
@ActiveProfiles("test")
@Import(AbuseLimitsTest.MovableTime.class)
@interface AbuseLimitsTest {

	@TestConfiguration(proxyBeanMethods = false)
	class MovableTime {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}
	}
}
