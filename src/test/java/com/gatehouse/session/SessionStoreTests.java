package com.gatehouse.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code gatehouse.sessions.store}: unset, sessions live in the database and the service knows of
 * no Redis at all (a single machine has none); an unknown store stops the service at startup.
 */
@GatehouseTest
@ExtendWith(OutputCaptureExtension.class)
class SessionStoreTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	Directory directory;

	@Test
	void whenNoStoreIsSetThenSessionsLiveInTheDatabaseAndNoRedisIsConfigured() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "User"));

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = :id")
			.param("id", session)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
	}

	@Test
	void whenTheStoreIsUnknownThenStartupFailsNamingTheSettingAndTheValidStores(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:unknown-store", "--gatehouse.sessions.store=mongo"))
			.hasStackTraceContaining("gatehouse.sessions.store");
		assertThat(output).contains("gatehouse.sessions.store", "mongo", "JDBC", "REDIS");
	}
}
