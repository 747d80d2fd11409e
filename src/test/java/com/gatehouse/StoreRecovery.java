package com.gatehouse;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a service to find its store again after an outage, which it does by itself: the
 * connection pool replaces its dead connections as calls come in.
 */
public final class StoreRecovery {

	private StoreRecovery() {
	}

	/**
	 * The first status other than 503 within 20 seconds, or 503. Polls once a second (another
	 * process's pool, no clock to move): a pooled connection used in the last half second is handed
	 * out without a liveness check (Hikari's alive-bypass window), and polling faster would keep
	 * handing out the same dead one; Lettuce tries Redis again at least every two seconds
	 * (RedisSessionConfig).
	 */
	public static int statusOnceRecovered(Supplier<Api.Reply> call) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		int status = call.get().status();
		while (status == 503 && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			status = call.get().status();
		}
		return status;
	}
}
