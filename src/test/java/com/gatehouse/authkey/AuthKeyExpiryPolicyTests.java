package com.gatehouse.authkey;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code gatehouse.keys.require-expiry}, every key is issued with an explicit expiry, by admins and users alike. */
@GatehouseTest
@TestPropertySource(properties = { "gatehouse.keys.require-expiry=true", "gatehouse.keys.max-lifetime=P7D" })
class AuthKeyExpiryPolicyTests {

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void createWhenNoExpiryThenExpiryRequiredForAdminsAndUsersAlike() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", user.id()))), 400,
				"authinfo.expiry_required");
		assertFailure(this.keys.as(user.auth(), "create", Map.of("values", Map.of("contact_id", user.id()))), 400,
				"authinfo.expiry_required");
		assertThat(this.keys.asAdmin("read", Map.of("scope", Map.of("contact_id", user.id()))).json().path("values").size())
			.isZero();
	}

	@Test
	void createWhenExpiryWithinTheCapThenTheKeyWorksAndRotationKeepsTheExpiry() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String expires = Instant.now().plus(Duration.ofDays(6)).toString();

		JsonNode created = KeyCalls.row(this.keys.as(user.auth(), "create",
				Map.of("values", Map.of("contact_id", user.id(), "expires", expires))));
		JsonNode rotated = KeyCalls.row(this.keys.as(user.auth(), "update",
				Map.of("scope", Map.of("id", created.path("id").asLong()), "values", Map.of("rotate", true))));

		assertThat(rotated.path("expires").asString()).isEqualTo(created.path("expires").asString());
		assertThat(this.keys.whoAmI(rotated.path("token").asString()).status()).isEqualTo(200);
		assertFailure(this.keys.as(user.auth(), "create", Map.of("values", Map.of("contact_id", user.id(), "expires",
				Instant.now().plus(Duration.ofDays(8)).toString()))), 400, "authinfo.expiry_invalid");
	}
}
