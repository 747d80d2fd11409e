package com.gatehouse.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one store act as one service: a session or key made on one is good on the other,
 * and a session ended on one is gone on the other (rest-api.md §3, "the session is gone on every
 * node"). Instance A is the test's own context; B is started here on the same store.
 */
@GatehouseTest
class SharedStoreTests {

	private static final Map<String, Object> LOGOUT = Map.of("auth", Map.of("type", "auth"));

	private static final List<String> STORE_SETTINGS = List.of("gatehouse.sessions.store", "spring.data.redis.url",
			"spring.session.data.redis.namespace");

	private static @Nullable ConfigurableApplicationContext instanceB;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	Api a;

	Api b;

	Directory directory;

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
			instanceB = null;
		}
	}

	@BeforeEach
	void setUp() {
		if (instanceB == null) {
			instanceB = startLike(this.environment);
		}
		this.b = new Api(Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port")));
		this.directory = new Directory(this.a);
	}

	/** Instance B, on the stores instance A uses (whichever session store a subclass gave A). */
	private static ConfigurableApplicationContext startLike(Environment a) {
		List<String> properties = new ArrayList<>(List.of("server.port=0"));
		for (String shared : STORE_SETTINGS) {
			String value = a.getProperty(shared);
			if (value != null) {
				properties.add(shared + "=" + value);
			}
		}
		return new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@Test
	void instancesListenOnDifferentPorts() {
		assertThat(instanceB.getEnvironment().getRequiredProperty("local.server.port")).isNotEqualTo(Integer.toString(this.port));
	}

	@Test
	void sessionMadeOnOneInstanceWorksOnTheOther() {
		TestUser user = newUser();
		String session = this.directory.login(user);

		Api.Reply reply = whoAmI(this.b, session);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(user.id());
		assertThat(reply.json().path("user").path("session").asString()).isEqualTo(session);
	}

	@Test
	void logoutOnOneInstanceEndsTheSessionOnTheOther() {
		String session = this.directory.login(newUser());

		Api.Reply logout = this.b.postWithCookie("/rest/auth/logout", LOGOUT, session);

		assertThat(logout.status()).isEqualTo(200);
		assertEnded(whoAmI(this.a, session));
	}

	@Test
	void rotationOnOneInstanceEndsTheOldValueOnTheOther() {
		TestUser user = newUser();
		String old = this.directory.login(user);

		String fresh = this.b.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), old).sessionCookie().orElseThrow();

		assertEnded(whoAmI(this.a, old));
		assertThat(whoAmI(this.a, fresh).status()).isEqualTo(200);
	}

	@Test
	void keyMadeOnOneInstanceWorksOnTheOther() {
		TestUser user = newUser();
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.b.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(user.id());
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	private static Api.Reply whoAmI(Api instance, String session) {
		return instance.postWithCookie("/rest/auth/", Map.of(), session);
	}

	private static void assertEnded(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json())
			.isEqualTo(Api.JSON.readTree("{\"result\":\"fail\",\"message\":\"Authentication failed\",\"code\":\"auth.failed\"}"));
	}
}
