package com.gatehouse.authkey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** Any user creates, lists, rotates and revokes its own keys; its keys die with it. */
@GatehouseTest
class AuthKeySelfServiceTests {

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void plainUserWithPasswordWhenOwnKeyThenCreatesListsRotatesAndRevokesIt() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		JsonNode created = KeyCalls.row(this.keys.as(user.auth(), "create",
				Map.of("values", Map.of("contact_id", user.id(), "name", "CI deploy"))));
		String key = created.path("token").asString();
		assertThat(key).matches(KeyCalls.GENERATED_KEY);
		assertThat(created.path("name").asString()).isEqualTo("CI deploy");
		assertThat(this.keys.whoAmI(key).json().path("user").path("id").asLong()).isEqualTo(user.id());

		Api.Reply listed = this.keys.as(user.auth(), "read", Map.of());
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().path("values").size()).isEqualTo(1);
		assertThat(listed.json().path("values").path(0).path("token").asString()).isEqualTo(hint(key));
		assertThat(listed.json().path("values").path(0).path("name").asString()).isEqualTo("CI deploy");

		long id = created.path("id").asLong();
		String rotated = KeyCalls.row(this.keys.as(user.auth(), "update",
				Map.of("scope", Map.of("id", id), "values", Map.of("rotate", true)))).path("token").asString();
		assertThat(rotated).matches(KeyCalls.GENERATED_KEY).isNotEqualTo(key);
		assertFailure(this.keys.whoAmI(key), 401, "auth.failed");
		assertThat(this.keys.whoAmI(rotated).status()).isEqualTo(200);

		Api.Reply revoked = this.keys.as(user.auth(), "delete", Map.of("scope", Map.of("id", id)));
		assertThat(revoked.status()).isEqualTo(200);
		assertFailure(this.keys.whoAmI(rotated), 401, "auth.failed");
		assertThat(this.keys.as(user.auth(), "read", Map.of()).json().path("values").size()).isZero();
	}

	@Test
	void plainUserWithSessionWhenCreatingOwnKeyThenTheKeyWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/create/authinfo",
				Map.of("values", Map.of("contact_id", user.id())), session);

		String key = KeyCalls.row(reply).path("token").asString();
		assertThat(this.keys.whoAmI(key).json().path("user").path("id").asLong()).isEqualTo(user.id());
	}

	@Test
	void plainUserWithKeyWhenCreatingAnotherOwnKeyThenBothWork() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String first = this.directory.newKey(user.id());

		Api.Reply reply = this.keys.withKey(first, "create", "authinfo", Map.of("values", Map.of("contact_id", user.id())));

		String second = KeyCalls.row(reply).path("token").asString();
		assertThat(second).isNotEqualTo(first);
		assertThat(this.keys.whoAmI(first).status()).isEqualTo(200);
		assertThat(this.keys.whoAmI(second).json().path("user").path("id").asLong()).isEqualTo(user.id());
	}

	@Test
	void plainUserWhenReplacingOwnKeyWithChosenValueThenItObeysTheLengthRule() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		long id = KeyCalls.row(this.keys.as(user.auth(), "create", Map.of("values", Map.of("contact_id", user.id()))))
			.path("id").asLong();
		String chosen = Directory.unique("self-chosen-key-long-enough").replace('_', '-');

		Api.Reply tooShort = this.keys.as(user.auth(), "update",
				Map.of("scope", Map.of("id", id), "values", Map.of("token", chosen.substring(0, 31))));
		Api.Reply replaced = this.keys.as(user.auth(), "update",
				Map.of("scope", Map.of("id", id), "values", Map.of("token", chosen)));

		assertFailure(tooShort, 400, "request.invalid");
		assertThat(KeyCalls.row(replaced).path("token").asString()).isEqualTo(chosen);
		assertThat(this.keys.whoAmI(chosen).json().path("user").path("id").asLong()).isEqualTo(user.id());
	}

	@Test
	void userWhenDisabledThenEveryKeyItMadeFailsUntilReEnabledAndWhenDeletedTheyAreGone() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String first = KeyCalls.row(this.keys.as(user.auth(), "create", Map.of("values", Map.of("contact_id", user.id()))))
			.path("token").asString();
		String second = KeyCalls.row(this.keys.as(user.auth(), "create", Map.of("values", Map.of("contact_id", user.id()))))
			.path("token").asString();

		setEnabled(user, false);
		assertFailure(this.keys.whoAmI(first), 401, "auth.failed");
		assertFailure(this.keys.whoAmI(second), 401, "auth.failed");
		assertThat(this.keys.whoAmI(first).body()).isEqualTo(this.keys.whoAmI("x".repeat(43)).body());
		setEnabled(user, true);
		assertThat(this.keys.whoAmI(first).status()).isEqualTo(200);

		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", user.id())));

		assertFailure(this.keys.whoAmI(first), 401, "auth.failed");
		assertFailure(this.keys.whoAmI(second), 401, "auth.failed");
		assertThat(this.keys.asAdmin("read", Map.of("scope", Map.of("contact_id", user.id()))).json().path("values").size())
			.isZero();
	}

	@Test
	void companyAdminWhenOwnKeyThenManagesItWithoutGrantChecks() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");

		JsonNode created = KeyCalls.row(this.keys.as(admin.auth(), "create", Map.of("values", Map.of("contact_id", admin.id()))));
		Api.Reply rotated = this.keys.as(admin.auth(), "update",
				Map.of("scope", Map.of("id", created.path("id").asLong()), "values", Map.of("rotate", true)));

		assertThat(this.keys.whoAmI(KeyCalls.row(rotated).path("token").asString()).status()).isEqualTo(200);
	}

	private void setEnabled(TestUser user, boolean enabled) {
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", enabled)));
	}

	private static String hint(String key) {
		return "ghk_..." + key.substring(key.length() - 4);
	}
}
