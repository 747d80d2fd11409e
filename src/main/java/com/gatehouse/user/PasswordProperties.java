package com.gatehouse.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on password hashing, which dominates a login's cost (Argon2id takes 19 MiB and tens of
 * milliseconds per hash), and on guessing a password through a password change.
 *
 * @param maxConcurrentHashes hashes computed at once; 0 means one per processor
 * @param queueTimeout how long a caller waits for a turn before the answer is 429
 * @param currentPasswordAttempts wrong {@code current_password}s one user may send within
 * {@code currentPasswordWindow}; after that every change of its own password answers 429 until the
 * window ends
 * @param currentPasswordWindow the window those attempts are counted in
 */
@ConfigurationProperties("gatehouse.passwords")
public record PasswordProperties(int maxConcurrentHashes, Duration queueTimeout, int currentPasswordAttempts,
		Duration currentPasswordWindow) {

	public PasswordProperties {
		if (maxConcurrentHashes <= 0) {
			maxConcurrentHashes = Runtime.getRuntime().availableProcessors();
		}
		if (queueTimeout == null) {
			queueTimeout = Duration.ofSeconds(2);
		}
		if (currentPasswordAttempts <= 0) {
			currentPasswordAttempts = 5;
		}
		if (currentPasswordWindow == null) {
			currentPasswordWindow = Duration.ofMinutes(15);
		}
	}
}
