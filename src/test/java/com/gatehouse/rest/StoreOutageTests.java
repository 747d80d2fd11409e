package com.gatehouse.rest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store goes away under a running service: calls fail fast with 503 and Retry-After in the
 * JSON failure shape, health says DOWN, and everything comes back by itself with the store, with
 * nothing lost. The store is an H2 server this test starts on a free port and stops.
 */
class StoreOutageTests {

	@TempDir
	static Path storeDir;

	static final String STORE_ADMIN = "store-admin";

	static int storePort;

	static Server store;

	static ConfigurableApplicationContext app;

	static Api api;

	@BeforeAll
	static void start() throws Exception {
		storePort = freePort();
		store = startStore();
		// Arguments, not default properties: they must win over application.properties.
		app = new SpringApplicationBuilder(GatehouseApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + storePort
						+ "/gatehouse;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--spring.datasource.hikari.connection-timeout=1000",
				"--gatehouse.admin.password=" + Directory.ADMIN_PASSWORD);
		api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	static void stop() throws SQLException {
		app.close();
		stopStore();
	}

	@Test
	void whenStoreIsDownThenCallsAnswer503AndRecoverWhenItReturns() throws Exception {
		Map<String, Object> login = Map.of("auth", Directory.adminAuth());
		String session = api.post("/rest/auth/", login).sessionCookie().orElseThrow();

		stopStore();
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
		}
		finally {
			store = startStore();
		}

		// The pool reconnects by itself, within a few seconds of the store's return.
		assertThat(eventually(() -> api.get("/actuator/health"))).isEqualTo(200);
		assertThat(api.postWithCookie("/rest/auth/", "{}", session).status()).isEqualTo(200);
		assertThat(api.post("/rest/auth/", login).status()).isEqualTo(200);
	}

	/** The first status other than 503 within 15 seconds, or 503. */
	private static int eventually(Supplier<Api.Reply> call) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		int status = call.get().status();
		while (status == 503 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			status = call.get().status();
		}
		return status;
	}

	private static Server startStore() throws SQLException {
		return Server.createTcpServer("-tcpPort", Integer.toString(storePort), "-tcpPassword", STORE_ADMIN, "-ifNotExists",
				"-baseDir", storeDir.toString()).start();
	}

	/** Stops the store the hard way: the listener and every open connection. */
	private static void stopStore() throws SQLException {
		if (store.isRunning(false)) {
			Server.shutdownTcpServer("tcp://127.0.0.1:" + storePort, STORE_ADMIN, true, true);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
