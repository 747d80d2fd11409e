package com.gatehouse.abuse;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address throttle on two instances sharing one PostgreSQL, with a limit of 10 failures: B has
 * just read an address's tally (one failure short of the limit) when A counts the failure that
 * reaches it, and B must throttle the address as soon as that failure's signal arrives, long before
 * B's cached tally would have expired (1 s).
 */
@ClusterTest
class AddressThrottleAcrossInstancesTests {

	private static final int LIMIT = 10;

	/** How long B may take to act on the signal; less than the cache's bound, so only the signal can do it. */
	private static final Duration SIGNAL_DELIVERY = Duration.ofMillis(400);

	private static Cluster cluster;

	@BeforeAll
	static void startCluster() throws InterruptedException {
		cluster = Cluster.start(2, "--gatehouse.abuse.address-failures=" + LIMIT);
		// The listeners connect in the background after the start; a signal sent before then is lost.
		for (int instance = 0; instance < 2; instance++) {
			cluster.awaitCounter(instance, "gatehouse.auth.cache.listener.connects", 1, Duration.ofSeconds(10));
		}
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whenAnAddressReachesItsLimitOnAThenBThrottlesItOnTheSignal() throws InterruptedException {
		Directory onA = new Directory(cluster.api(0));
		String key = onA.newKey(onA.newUser(onA.newCompany(), "User").id());
		String address = FakeAddress.unique();
		for (int i = 1; i < LIMIT; i++) {
			assertThat(whoAmI(cluster.api(0), "gh_not_a_key_" + i, address).status()).as("failure %d", i).isEqualTo(401);
		}
		// Wall-clock time on purpose: B's cache expires by the real clock, which no test moves. After
		// this B reads the tally afresh and keeps it for a second.
		Thread.sleep(1100);
		assertThat(whoAmI(cluster.api(1), key, address).status()).as("one failure short of the limit").isEqualTo(200);
		double signals = cluster.counter(1, "gatehouse.auth.cache.signals");

		assertThat(whoAmI(cluster.api(0), "gh_not_a_key_" + LIMIT, address).status()).isEqualTo(401);

		long deadline = System.nanoTime() + SIGNAL_DELIVERY.toNanos();
		Api.Reply last = whoAmI(cluster.api(1), key, address);
		while (last.status() != 429 && System.nanoTime() < deadline) {
			Thread.sleep(10);
			last = whoAmI(cluster.api(1), key, address);
		}
		assertThat(last.status()).as("B within %s: %s", SIGNAL_DELIVERY, last).isEqualTo(429);
		assertThat(last.json().path("code").asString()).isEqualTo("request.throttled");
		assertThat(cluster.counter(1, "gatehouse.auth.cache.signals")).as("B heard the limit reached").isGreaterThan(signals);
		assertThat(whoAmI(cluster.api(1), key, FakeAddress.unique()).status()).as("another address").isEqualTo(200);
	}

	private static Api.Reply whoAmI(Api instance, String key, String address) {
		return instance.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key, "X-Forwarded-For", address);
	}
}
