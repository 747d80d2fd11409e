package com.gatehouse.session;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RedisSessions;
import com.gatehouse.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gatehouse.sessions.store=redis}: a login's session lives in Redis, under the namespace, and not in the database. */
@GatehouseTest
@RedisSessions
class RedisSessionStoreTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	Directory directory;

	@Test
	void whenTheStoreIsRedisThenASessionLivesInRedisAndNotInTheDatabase() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "User"));

		String key = this.environment.getRequiredProperty("spring.session.data.redis.namespace") + ":sessions:" + session;
		RedisClient client = RedisClient.create(System.getenv(RedisTestStore.URL_VARIABLE));
		try (StatefulRedisConnection<String, String> redis = client.connect()) {
			assertThat(redis.sync().exists(key)).isEqualTo(1);
		}
		finally {
			client.shutdown();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = :id")
			.param("id", session)
			.query(Long.class)
			.single()).isZero();
	}
}
