package com.gatehouse.session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.gatehouse.ClusterTest;
import com.gatehouse.RedisTestStore;

/**
 * {@link SessionRaceTests} with the two instances keeping their sessions in one Redis: a save of a
 * session that another instance deleted or replaced meanwhile must not bring it back there either.
 */
@ClusterTest
@EnabledIfEnvironmentVariable(named = RedisTestStore.URL_VARIABLE, matches = ".+")
class RedisSessionRaceTests extends SessionRaceTests {

	private static final String NAMESPACE = RedisTestStore.newNamespace();

	@Override
	String[] storeSettings() {
		return RedisTestStore.properties(System.getenv(RedisTestStore.URL_VARIABLE), NAMESPACE)
			.stream()
			.map((setting) -> "--" + setting)
			.toArray(String[]::new);
	}

	@Override
	@AfterAll
	void stop() {
		super.stop();
		RedisTestStore.forget(System.getenv(RedisTestStore.URL_VARIABLE), NAMESPACE);
	}
}
