package com.gatehouse.session;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.StoreRecovery;
import com.gatehouse.RedisSessions;
import com.gatehouse.RedisTestStore;
import com.gatehouse.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis, holding the sessions, goes away under a running service: session and login calls fail
 * fast with 503 and Retry-After in the JSON failure shape (never 500, never letting a call through),
 * health and readiness say DOWN while liveness stays UP, and everything comes back by itself with
 * Redis, the session still good. The test's Redis is reached through a proxy the test cuts and
 * restores; the directory is an in-memory H2 of this test's own.
 */
@RedisSessions
class RedisOutageTests {

	/** Twice the Redis command timeout the service runs with: one timed-out command and the answer. */
	private static final Duration FAST = Duration.ofSeconds(4);

	static TcpProxy network;

	static ConfigurableApplicationContext app;

	static Api api;

	static String redisUrl;

	static String namespace;

	@BeforeAll
	static void start() throws Exception {
		URI redis = URI.create(System.getenv(RedisTestStore.URL_VARIABLE));
		network = new TcpProxy(redis.getPort() == -1 ? 6379 : redis.getPort());
		redisUrl = new URI(redis.getScheme(), redis.getUserInfo(), "127.0.0.1", network.port(), redis.getPath(), null, null)
			.toString();
		namespace = RedisTestStore.newNamespace();
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:redis-outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--gatehouse.admin.password=" + Directory.ADMIN_PASSWORD));
		RedisTestStore.properties(redisUrl, namespace).forEach((property) -> arguments.add("--" + property));
		// Arguments, not default properties: they must win over application.properties.
		app = new SpringApplicationBuilder(GatehouseApplication.class).run(arguments.toArray(String[]::new));
		api = new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		network.close();
		RedisTestStore.forget(System.getenv(RedisTestStore.URL_VARIABLE), namespace);
	}

	@Test
	void whenRedisIsCutOffThenCallsAnswer503AndRecoverWhenItReturns() throws Exception {
		Map<String, Object> login = Map.of("auth", Directory.adminAuth());
		String session = api.post("/rest/auth/", login).sessionCookie().orElseThrow();
		assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

		network.cut();
		try {
			List<Supplier<Api.Reply>> calls = List.of(() -> api.postWithCookie("/rest/ops/read/company", "{}", session),
					() -> api.postWithCookie("/rest/auth/", "{}", session), () -> api.post("/rest/auth/", login),
					() -> api.postWithCookie("/rest/auth/", login, session));
			for (Supplier<Api.Reply> call : calls) {
				long started = System.nanoTime();
				Api.Reply refused = call.get();
				Duration took = Duration.ofNanos(System.nanoTime() - started);

				assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
				assertThat(refused.json().propertyNames()).containsExactly("result", "message", "code");
				assertThat(refused.code()).isEqualTo("store.unavailable");
				assertThat(refused.header("Retry-After")).isPresent();
				assertThat(refused.sessionCookie()).as("no cookie from a refused call").isEmpty();
				assertThat(took).as("time to refuse").isLessThan(FAST);
			}
			for (String health : List.of("/actuator/health", "/actuator/health/readiness")) {
				Api.Reply down = api.get(health);
				assertThat(down.status()).as(health).isEqualTo(503);
				assertThat(down.json().path("status").asString()).isEqualTo("DOWN");
			}
			assertThat(api.get("/actuator/health/liveness").status()).as("the process stays up").isEqualTo(200);
		}
		finally {
			network.restore();
		}

		assertThat(StoreRecovery.statusOnceRecovered(() -> api.get("/actuator/health/readiness"))).isEqualTo(200);
		assertThat(StoreRecovery.statusOnceRecovered(() -> api.postWithCookie("/rest/auth/", "{}", session))).isEqualTo(200);
		Api.Reply relogin = api.postWithCookie("/rest/auth/", login, session);
		assertThat(relogin.status()).as(relogin.toString()).isEqualTo(200);
		String rotated = relogin.sessionCookie().orElseThrow();
		assertThat(api.postWithCookie("/rest/ops/read/company", "{}", rotated).status()).isEqualTo(200);
		assertThat(api.postWithCookie("/rest/auth/", "{}", session).status()).as("the old cookie died in the rotation")
			.isEqualTo(401);
	}
}
