package com.gatehouse.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on password hashing, which dominates a login's cost (Argon2id takes 19 MiB and tens of
 * milliseconds per hash).
 *
 * @param maxConcurrentHashes hashes computed at once; 0 means one per processor
 * @param queueTimeout how long a caller waits for a turn before the answer is 429
 */
@ConfigurationProperties("gatehouse.passwords")
public record PasswordProperties(int maxConcurrentHashes, Duration queueTimeout) {

	public PasswordProperties {
		if (maxConcurrentHashes <= 0) {
			maxConcurrentHashes = Runtime.getRuntime().availableProcessors();
		}
		if (queueTimeout == null) {
			queueTimeout = Duration.ofSeconds(2);
		}
	}
}
