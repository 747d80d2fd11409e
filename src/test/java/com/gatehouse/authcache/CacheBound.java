package com.gatehouse.authcache;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.gatehouse.Api;

import static org.assertj.core.api.Assertions.fail;

/**
 * Waits for an instance to reflect a change another one made, failing when that takes longer than
 * the authentication-path cache's bound (1 s, {@code gatehouse.auth-cache.expire-after-write}) plus
 * {@link #TOLERANCE}: the time one poll's round trip, the signal's delivery and a busy shared
 * machine's scheduling may add on top. The polls come every {@link #POLL}.
 */
public final class CacheBound {

	public static final Duration BOUND = Duration.ofSeconds(1);

	public static final Duration TOLERANCE = Duration.ofMillis(500);

	private static final Duration POLL = Duration.ofMillis(20);

	private CacheBound() {
	}

	/** Calls {@code call} until {@code reflects} holds of its reply; answers how long that took. */
	public static Duration awaitWithinBound(String what, Supplier<Api.Reply> call, Predicate<Api.Reply> reflects) {
		return await(what, BOUND.plus(TOLERANCE), call, reflects);
	}

	/** The same within {@code limit}. */
	public static Duration await(String what, Duration limit, Supplier<Api.Reply> call, Predicate<Api.Reply> reflects) {
		long start = System.nanoTime();
		Api.Reply last = call.get();
		while (!reflects.test(last)) {
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (waited.compareTo(limit) > 0) {
				fail("%s: not seen within %s; last reply %s", what, limit, last);
			}
			pause();
			last = call.get();
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** A reply that refuses the credential. */
	public static boolean refused(Api.Reply reply) {
		return reply.status() == 401;
	}

	// Wall-clock time on purpose: what is awaited is another process-like instance and a real
	// database signal, which no test clock moves.
	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}
}
