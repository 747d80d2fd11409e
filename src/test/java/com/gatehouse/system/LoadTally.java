package com.gatehouse.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.gatehouse.Api;

/**
 * What the load test's clients did: how many calls of each kind were answered as expected, every
 * other answer or exception (an error, with the first few kept to show), and each call's latency.
 * It also bounds the run: a deadline, a ceiling on calls, and how many logins (Argon2, slow and
 * memory-hungry) may run at once, so that no login waits for a hashing slot until it is refused.
 */
final class LoadTally {

	/** The kinds of calls, each counted on its own. */
	enum Kind {

		LOGIN, LOGOUT, COOKIE_READ, KEY_READ, KEY_CREATE, KEY_REVOKE
	}

	private static final int SHOWN_ERRORS = 10;

	private final List<Api> apis;

	private final Duration duration;

	private volatile long deadline;

	private final long maxCalls;

	private final AtomicLong started = new AtomicLong();

	private final Semaphore logins;

	private final Map<Kind, LongAdder> acknowledged = new EnumMap<>(Kind.class);

	private final LongAdder errors = new LongAdder();

	private final Queue<String> shownErrors = new ConcurrentLinkedQueue<>();

	private final Queue<Long> latencies = new ConcurrentLinkedQueue<>();

	LoadTally(List<Api> apis, Duration duration, long maxCalls, int concurrentLogins) {
		this.apis = apis;
		this.duration = duration;
		this.maxCalls = maxCalls;
		this.logins = new Semaphore(concurrentLogins);
		for (Kind kind : Kind.values()) {
			this.acknowledged.put(kind, new LongAdder());
		}
	}

	int instances() {
		return this.apis.size();
	}

	Api api(int instance) {
		return this.apis.get(instance);
	}

	/** Starts the clock: calls may start from now until the duration has passed. */
	void start() {
		this.deadline = System.nanoTime() + this.duration.toNanos();
	}

	/** Whether another call may start: before the deadline and under the ceiling. */
	boolean running() {
		return System.nanoTime() < this.deadline && this.started.incrementAndGet() <= this.maxCalls;
	}

	boolean tryLogin() {
		return this.logins.tryAcquire();
	}

	void loginDone() {
		this.logins.release();
	}

	/** Makes one call that must answer {@code status}; answers the reply, or null when it was an error. */
	Api.@Nullable Reply call(Kind kind, int status, Supplier<Api.Reply> call) {
		long start = System.nanoTime();
		try {
			Api.Reply reply = call.get();
			this.latencies.add(System.nanoTime() - start);
			if (reply.status() != status) {
				error(kind + " answered " + reply);
				return null;
			}
			this.acknowledged.get(kind).increment();
			return reply;
		}
		catch (RuntimeException failure) {
			error(kind + " failed: " + failure);
			return null;
		}
	}

	long acknowledged(Kind kind) {
		return this.acknowledged.get(kind).sum();
	}

	long errors() {
		return this.errors.sum();
	}

	List<String> shownErrors() {
		return List.copyOf(this.shownErrors);
	}

	/** Calls, per-kind counts, p50/p99 latency and errors, on one line each. */
	String summary(double seconds) {
		List<Long> sorted = new ArrayList<>(this.latencies);
		Collections.sort(sorted);
		StringBuilder text = new StringBuilder();
		text.append(String.format("load: %d calls in %.1f s (%.0f/s) over %d instances, %d errors%n", sorted.size(),
				seconds, sorted.size() / seconds, this.apis.size(), errors()));
		this.acknowledged.forEach((kind, count) -> text.append(String.format("load:   %-12s %7d%n", kind, count.sum())));
		text.append(String.format("load: latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 50),
				percentile(sorted, 99), percentile(sorted, 100)));
		shownErrors().forEach((error) -> text.append("load: error ").append(error).append('\n'));
		return text.toString();
	}

	private void error(String what) {
		this.errors.increment();
		if (this.shownErrors.size() < SHOWN_ERRORS) {
			this.shownErrors.add(what);
		}
	}

	private static double percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}
}
