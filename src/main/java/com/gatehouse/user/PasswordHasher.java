package com.gatehouse.user;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.rest.RestFailure;

/**
 * Hashes and verifies passwords with Argon2id, natively where it can ({@link Argon2id}), by default
 * at OWASP's parameters (m=19 MiB, t=2, p=1; {@link PasswordProperties#hashMemory()} and
 * {@link PasswordProperties#hashIterations()}). At most
 * a fixed number of hashes run at once, so a login flood queues briefly and then gets 429 instead
 * of exhausting memory. Verifying against a missing hash costs the same as a real one, so an
 * unknown login cannot be told from a wrong password by its timing.
 */
@Component
public final class PasswordHasher {

	private final Argon2id encoder;

	private final Semaphore turns;

	private final Duration queueTimeout;

	private final String dummyHash;

	PasswordHasher(PasswordProperties properties) {
		this.encoder = new Argon2id(Math.toIntExact(properties.hashMemory().toKilobytes()), properties.hashIterations());
		this.turns = new Semaphore(properties.maxConcurrentHashes(), true);
		this.queueTimeout = properties.queueTimeout();
		this.dummyHash = this.encoder.hash("gatehouse-dummy-password");
	}

	public String hash(String password) {
		return bounded(() -> this.encoder.hash(password));
	}

	/** Whether {@code password} matches {@code hash}; with a null hash, false after the same work. */
	public boolean matches(String password, @Nullable String hash) {
		boolean matches = bounded(() -> this.encoder.matches(password, (hash != null) ? hash : this.dummyHash));
		return hash != null && matches;
	}

	private <T> T bounded(Supplier<T> work) {
		try {
			if (!this.turns.tryAcquire(this.queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw RestFailure.throttled(Duration.ofSeconds(1));
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw RestFailure.throttled(Duration.ofSeconds(1));
		}
		try {
			return work.get();
		}
		finally {
			this.turns.release();
		}
	}
}
