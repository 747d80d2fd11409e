package com.gatehouse.authcache;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

/**
 * Two instances on one fresh PostgreSQL database for the tests of a class ({@link Cluster}): A, where
 * the tests change things, and B, where they watch the change arrive ({@link AuthCalls}).
 */
abstract class TwoInstances {

	static Cluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = Cluster.start(2);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	static Api a() {
		return cluster.api(0);
	}

	static Api b() {
		return cluster.api(1);
	}

	static Directory onA() {
		return new Directory(a());
	}

	static TestUser newUserOnA() {
		Directory directory = onA();
		return directory.newUser(directory.newCompany(), "User");
	}

	/** Uses the key on B until B answers it from its cache ({@link AuthCalls#warm}). */
	static void warmOnB(String key) {
		AuthCalls.warm(b(), key, () -> cacheHitsOfB("auth.keys"));
	}

	/** How often B found what it looked for in its cache {@code auth.<name>}. */
	static double cacheHitsOfB(String cache) {
		return cluster.instance(1)
			.getBean(MeterRegistry.class)
			.get("cache.gets")
			.tags("cache", cache, "result", "hit")
			.functionCounter()
			.count();
	}

	/** A meter of instance B, 0 before it is first used. */
	static double meterOfB(String name) {
		return meterOf(1, name);
	}

	/** A counter of instance 0 (A) or 1 (B). */
	static double meterOf(int instance, String name) {
		return cluster.counter(instance, name);
	}
}
