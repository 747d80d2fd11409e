package com.gatehouse.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

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
 * @param hashMemory the memory one new Argon2id hash takes (OWASP's 19 MiB by default); below
 * {@value #LEAST_MEMORY_KIB} KiB, Argon2's own floor, the service refuses to start
 * @param hashIterations the passes one new hash makes over that memory (2 by default); at least 1.
 * Lower costs exist for the test suite; a stored hash carries its own parameters, so changing either
 * leaves every existing password valid
 */
@ConfigurationProperties("gatehouse.passwords")
public record PasswordProperties(int maxConcurrentHashes, Duration queueTimeout, int currentPasswordAttempts,
		Duration currentPasswordWindow, DataSize hashMemory, int hashIterations) {

	/** Argon2's minimum memory: 8 KiB per lane, and a hash uses one lane. */
	static final int LEAST_MEMORY_KIB = 8;

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
		if (hashMemory == null) {
			hashMemory = DataSize.ofMegabytes(19);
		}
		if (hashMemory.toKilobytes() < LEAST_MEMORY_KIB) {
			throw new IllegalArgumentException("gatehouse.passwords.hash-memory must be at least " + LEAST_MEMORY_KIB + "KB");
		}
		if (hashIterations == 0) {
			hashIterations = 2;
		}
		if (hashIterations < 1) {
			throw new IllegalArgumentException("gatehouse.passwords.hash-iterations must be at least 1");
		}
	}
}
