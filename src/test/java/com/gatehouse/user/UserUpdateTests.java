package com.gatehouse.user;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: "user"} update over HTTP as the System-Admin, and how a change reaches the user's
 * logins and existing sessions.
 */
@GatehouseTest
class UserUpdateTests {

	Api api;

	Directory directory;

	@Test
	void updateNameAnswersTheChangedRow() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = update(user, Map.of("name", "New Name"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.propertyNames()).containsExactly("id", "login", "name", "company", "role", "enabled");
		assertThat(row.path("id").asLong()).isEqualTo(user.id());
		assertThat(row.path("name").asString()).isEqualTo("New Name");
		assertThat(row.path("login").asString()).isEqualTo(user.login());
		assertThat(row.path("role").asString()).isEqualTo("User");
	}

	@Test
	void updatePasswordThenTheOldPasswordFailsAndTheNewOneWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = update(user, Map.of("password", "a-brand-new-password"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.body()).doesNotContain("a-brand-new-password").doesNotContainIgnoringCase("password");
		assertFailure(login(user.login(), user.password()), 401, "auth.failed");
		assertThat(login(user.login(), "a-brand-new-password").status()).isEqualTo(200);
	}

	@Test
	void updatePasswordShorterThan12CharactersThenRequestInvalidAndThePasswordIsKept() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(update(user, Map.of("password", "too-short")), 400, "request.invalid");
		assertThat(login(user.login(), user.password()).status()).isEqualTo(200);
	}

	@Test
	void updateRoleAnswersAndGrantsTheNewRole() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = update(user, Map.of("role", "Company-Admin"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("role").asString()).isEqualTo("Company-Admin");
		assertThat(login(user.login(), user.password()).json().path("user").path("perms").path("admin").asString())
			.isEqualTo("company");
	}

	@Test
	void updateEnabledFalseThenLoginFailsWithTheGenericFailure() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = update(user, Map.of("enabled", false));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("enabled").asBoolean()).isFalse();
		Api.Reply disabled = login(user.login(), user.password());
		assertFailure(disabled, 401, "auth.failed");
		assertThat(disabled.body()).isEqualTo(login(Directory.unique("nobody"), user.password()).body());
	}

	@Test
	void updateEnabledFalseThenTheExistingSessionAnswers401() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		update(user, Map.of("enabled", false));

		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), session), 401, "auth.failed");
	}

	@Test
	void updateEnabledFalseThenTheUsersKeysAnswer401() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		update(user, Map.of("enabled", false));

		assertFailure(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key), 401, "auth.failed");
	}

	@Test
	void updateRoleAppliesToAnExistingSessionAtItsNextCall() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);
		assertThat(sessionCheck(session).path("perms").isEmpty()).isTrue();

		update(user, Map.of("role", "Company-Admin"));

		JsonNode perms = sessionCheck(session).path("perms");
		assertThat(perms.propertyNames()).containsExactly("admin");
		assertThat(perms.path("admin").asString()).isEqualTo("company");
	}

	@Test
	void updateAsSystemAdminMovesAUserToAnotherCompany() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String target = this.directory.newCompany();

		Api.Reply reply = update(user, Map.of("company", target));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("company").asString()).isEqualTo(target);
		assertThat(login(user.login(), user.password()).json().path("user").path("home").asString()).isEqualTo(target);
	}

	@Test
	void updateMovingACompanyAdminEndsItsPowerOverTheOldCompanyInItsExistingSession() {
		String old = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(old, "Company-Admin");
		String session = this.directory.login(companyAdmin);
		String target = this.directory.newCompany();

		update(companyAdmin, Map.of("company", target));

		Api.Reply reply = this.api.postWithCookie("/rest/ops/read/user", Map.of("scope", Map.of("company", old)), session);
		assertFailure(reply, 403, "permission.denied");
		JsonNode user = sessionCheck(session);
		assertThat(user.path("home").asString()).isEqualTo(target);
		assertThat(user.path("company").asString()).isEqualTo(target);
	}

	@Test
	void updateMovingAUserToAnUnknownCompanyThenCompanyUnknown() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");

		assertFailure(update(user, Map.of("company", Directory.unique("ghost"))), 400, "company.unknown");
		assertThat(login(user.login(), user.password()).json().path("user").path("home").asString()).isEqualTo(company);
	}

	@Test
	void updateWhenScopeMatchesNoUserThenSuccessWithNoRows() {
		Api.Reply reply = call(Directory.adminAuth(), "update",
				Map.of("scope", Map.of("login", Directory.unique("nobody")), "values", Map.of("name", "Ghost")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void updateWithoutScopeThenScopeRequired() {
		assertFailure(call(Directory.adminAuth(), "update", Map.of("values", Map.of("name", "Everyone"))), 400,
				"request.scope_required");
	}

	private Api.Reply update(TestUser user, Map<String, Object> values) {
		return call(Directory.adminAuth(), "update", Map.of("scope", Map.of("id", user.id()), "values", values));
	}

	private JsonNode sessionCheck(String session) {
		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("user");
	}

	private Api.Reply call(Map<String, Object> auth, String verb, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post("/rest/ops/" + verb + "/user", withAuth);
	}

	private Api.Reply login(String login, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}

}
