package com.gatehouse.rest;

import java.net.ConnectException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of the session store in Redis mean "unavailable, retry" (503) and which a bug
 * (500), in the forms Spring Data Redis hands them on; {@code RedisOutageTests} shows the 503 over HTTP.
 */
class StoreFailuresTests {

	@Test
	void whenRedisCannotBeReachedThenUnavailable() {
		RedisConnectionFailureException refused = new RedisConnectionFailureException("Unable to connect to Redis",
				new RedisConnectionException("Unable to connect", new ConnectException("Connection refused")));

		assertThat(StoreFailures.isUnavailable(refused)).isTrue();
	}

	@Test
	void whenARedisCommandTimesOutThenUnavailable() {
		QueryTimeoutException timedOut = new QueryTimeoutException("Redis command timed out",
				new RedisCommandTimeoutException("Command timed out after 2 second(s)"));

		assertThat(StoreFailures.isUnavailable(timedOut)).isTrue();
	}

	@Test
	void whenTheUnreachableRedisIsWrappedThenStillUnavailable() {
		IllegalStateException wrapped = new IllegalStateException("Failed to load session",
				new RedisConnectionFailureException("Unable to connect to Redis"));

		assertThat(StoreFailures.isUnavailable(wrapped)).isTrue();
	}

	@Test
	void whenRedisRefusesACommandThenItIsABug() {
		RedisSystemException refusedCommand = new RedisSystemException("WRONGTYPE Operation against a key",
				new IllegalStateException("WRONGTYPE"));

		assertThat(StoreFailures.isUnavailable(refusedCommand)).isFalse();
	}
}
