package com.gatehouse;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for the service to come back by itself once a test has given it back its store. */
public final class Recovery {

	private Recovery() {
	}

	/**
	 * The first status other than 503 of {@code call} within 20 seconds, or 503. Polls once a second:
	 * a pooled database connection used in the last half second is handed out without a liveness
	 * check (Hikari's alive-bypass window), and polling faster would keep handing out the same dead
	 * one; Lettuce tries Redis again at least every two seconds (RedisSessionConfig).
	 */
	public static int statusOnceBack(Supplier<Api.Reply> call) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		int status = call.get().status();
		while (status == 503 && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			status = call.get().status();
		}
		return status;
	}
}
