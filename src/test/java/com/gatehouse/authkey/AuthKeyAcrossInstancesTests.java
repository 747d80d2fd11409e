package com.gatehouse.authkey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one store: a key revoked, rotated or reported on one fails on the other at its
 * next call, and the leak report limit counts calls to both. Instance A is the test's own context;
 * B is started here on the same store.
 */
@GatehouseTest
class AuthKeyAcrossInstancesTests {

	private static ConfigurableApplicationContext instanceB;

	Api a;

	Api b;

	Directory directory;

	KeyCalls keysOnA;

	KeyCalls keysOnB;

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(GatehouseApplication.class).profiles("test").run("--server.port=0");
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.b = new Api(Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port")));
		this.directory = new Directory(this.a);
		this.keysOnA = new KeyCalls(this.a);
		this.keysOnB = new KeyCalls(this.b);
	}

	@Test
	void keyRevokedOnOneInstanceFailsOnTheOtherAtOnce() {
		TestUser owner = newUser();
		JsonNode created = this.keysOnA.createAsAdmin(Map.of("contact_id", owner.id()));
		String key = created.path("token").asString();
		assertThat(this.keysOnB.whoAmI(key).status()).isEqualTo(200);

		assertThat(this.keysOnA.asAdmin("delete", Map.of("scope", Map.of("id", created.path("id").asLong()))).status())
			.isEqualTo(200);

		assertFailure(this.keysOnB.whoAmI(key), 401, "auth.failed");
	}

	@Test
	void keyRotatedOnOneInstanceOnlyTheNewValueWorksOnTheOther() {
		TestUser owner = newUser();
		JsonNode created = this.keysOnA.createAsAdmin(Map.of("contact_id", owner.id()));
		assertThat(this.keysOnA.whoAmI(created.path("token").asString()).status()).isEqualTo(200);

		String fresh = KeyCalls.row(this.keysOnB.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()),
				"values", Map.of("rotate", true)))).path("token").asString();

		assertFailure(this.keysOnA.whoAmI(created.path("token").asString()), 401, "auth.failed");
		assertThat(this.keysOnA.whoAmI(fresh).json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void keyReportedLeakedOnOneInstanceFailsOnTheOther() {
		TestUser owner = newUser();
		String key = this.directory.newKey(owner.id());
		assertThat(this.keysOnA.whoAmI(key).status()).isEqualTo(200);

		Api.Reply reply = this.b.post("/rest/auth/revoke", Map.of("keys", List.of(key)), "X-Forwarded-For",
				FakeAddress.unique());

		assertThat(reply.status()).isEqualTo(200);
		assertFailure(this.keysOnA.whoAmI(key), 401, "auth.failed");
	}

	@Test
	void leakReportLimitCountsReportsToBothInstances() {
		String address = FakeAddress.unique();
		for (int i = 1; i <= 20; i++) {
			Api instance = (i % 2 == 0) ? this.a : this.b;
			assertThat(instance.post("/rest/auth/revoke", Map.of("keys", List.of()), "X-Forwarded-For", address).status())
				.as("report %d", i)
				.isEqualTo(200);
		}

		assertFailure(this.a.post("/rest/auth/revoke", Map.of("keys", List.of()), "X-Forwarded-For", address), 429,
				"request.throttled");
		assertFailure(this.b.post("/rest/auth/revoke", Map.of("keys", List.of()), "X-Forwarded-For", address), 429,
				"request.throttled");
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
