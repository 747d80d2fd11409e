package com.gatehouse.rest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.StoreRecovery;
import com.gatehouse.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store goes away under a running service: calls fail fast with 503 and Retry-After in the
 * JSON failure shape, health says DOWN, and everything comes back by itself with the store, with
 * nothing lost. The store is an H2 server this test starts on a free port, reached through a proxy
 * the test cuts and restores.
 */
class StoreOutageTests {

	@TempDir
	static Path storeDir;

	static Server store;

	static TcpProxy network;

	static ConfigurableApplicationContext app;

	static Api api;

	@BeforeAll
	static void start() throws Exception {
		store = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", storeDir.toString()).start();
		network = new TcpProxy(store.getPort());
		// Arguments, not default properties: they must win over application.properties.
		app = new SpringApplicationBuilder(GatehouseApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + network.port()
						+ "/gatehouse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
						+ ";TRACE_LEVEL_FILE=0",
				"--spring.datasource.hikari.connection-timeout=1000",
				"--gatehouse.admin.password=" + Directory.ADMIN_PASSWORD);
		api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	static void stop() throws IOException {
		// DB_CLOSE_DELAY=-1 keeps the database open in this JVM until it exits, after storeDir is
		// deleted: closed here instead, and with no trace file, which H2 writes (making the
		// directory again) when a close fails.
		JdbcClient.create(app.getBean(DataSource.class)).sql("SHUTDOWN").update();
		app.close();
		network.close();
		store.stop();
	}

	@Test
	void whenStoreIsDownThenCallsAnswer503AndRecoverWhenItReturns() throws Exception {
		Map<String, Object> login = Map.of("auth", Directory.adminAuth());
		String session = api.post("/rest/auth/", login).sessionCookie().orElseThrow();

		network.cut();
		try {
			Api.Reply refusedLogin = api.post("/rest/auth/", login);
			Api.Reply refusedSession = api.postWithCookie("/rest/ops/read/company", "{}", session);
			Api.Reply health = api.get("/actuator/health");

			for (Api.Reply refused : new Api.Reply[] { refusedLogin, refusedSession }) {
				assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
				assertThat(refused.json().propertyNames()).containsExactly("result", "message", "code");
				assertThat(refused.code()).isEqualTo("store.unavailable");
				assertThat(refused.header("Retry-After")).isPresent();
			}
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
			assertThat(api.get("/actuator/health/readiness").status()).as("readiness").isEqualTo(503);
			assertThat(api.get("/actuator/health/liveness").status()).as("the process stays up").isEqualTo(200);
		}
		finally {
			network.restore();
		}

		// The pool reconnects by itself, within a few seconds of the store's return.
		assertThat(StoreRecovery.statusOnceRecovered(() -> api.get("/actuator/health"))).isEqualTo(200);
		assertThat(api.postWithCookie("/rest/auth/", "{}", session).status()).isEqualTo(200);
		assertThat(api.post("/rest/auth/", login).status()).isEqualTo(200);
	}
}
