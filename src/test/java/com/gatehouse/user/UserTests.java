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

/** {@code type: "user"} create over HTTP: the row it answers, its defaults and its checks. */
@GatehouseTest
class UserTests {

	private static final String PASSWORD = "correct-horse-battery";

	Api api;

	Directory directory;

	@Test
	void createAnswersTheUserRowAndNeverAPasswordOrHash() {
		String company = this.directory.newCompany();
		String login = Directory.unique("carol");

		Api.Reply reply = create(Directory.adminAuth(), Map.of("login", login, "name", "Carol C", "password", PASSWORD,
				"company", company, "role", "Company-Admin", "enabled", true));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("result", "values");
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.propertyNames()).containsExactly("id", "login", "name", "company", "role", "enabled");
		assertThat(row.path("id").isIntegralNumber()).isTrue();
		assertThat(row.path("login").asString()).isEqualTo(login);
		assertThat(row.path("name").asString()).isEqualTo("Carol C");
		assertThat(row.path("company").asString()).isEqualTo(company);
		assertThat(row.path("role").asString()).isEqualTo("Company-Admin");
		assertThat(row.path("enabled").isBoolean()).isTrue();
		assertThat(row.path("enabled").asBoolean()).isTrue();
		assertThat(reply.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password")
			.doesNotContainIgnoringCase("hash").doesNotContain("$argon");
	}

	@Test
	void createWithOnlyLoginAndPasswordDefaultsToTheCallersCompanyRoleUserAndEnabled() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		String login = Directory.unique("dave");

		Api.Reply reply = create(companyAdmin.auth(), Map.of("login", login, "password", PASSWORD));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.path("login").asString()).isEqualTo(login);
		assertThat(row.path("name").asString()).isEqualTo(login);
		assertThat(row.path("company").asString()).isEqualTo(company);
		assertThat(row.path("role").asString()).isEqualTo("User");
		assertThat(row.path("enabled").asBoolean()).isTrue();
	}

	@Test
	void createdUserCanLogInWithItsPassword() {
		String company = this.directory.newCompany();
		String login = Directory.unique("erin");
		long id = createdId(Map.of("login", login, "password", PASSWORD, "company", company));

		Api.Reply reply = login(login, PASSWORD);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(id);
		assertThat(reply.json().path("user").path("home").asString()).isEqualTo(company);
		assertThat(reply.json().path("user").path("perms").isEmpty()).isTrue();
	}

	@Test
	void createWithEnabledFalseMakesAUserWhoCannotLogIn() {
		String login = Directory.unique("frank");
		createdId(Map.of("login", login, "password", PASSWORD, "company", this.directory.newCompany(), "enabled", false));

		assertFailure(login(login, PASSWORD), 401, "auth.failed");
	}

	@Test
	void createWhenLoginDiffersOnlyInCaseThenUserExists() {
		String company = this.directory.newCompany();
		String login = Directory.unique("bob");
		createdId(Map.of("login", login, "password", PASSWORD, "company", company));

		assertFailure(create(Directory.adminAuth(), Map.of("login", "B" + login.substring(1), "password", PASSWORD,
				"company", company)), 409, "user.exists");
	}

	@Test
	void loginWithTheLoginInAnotherCaseSucceeds() {
		String login = Directory.unique("bob");
		long id = createdId(Map.of("login", login, "password", PASSWORD, "company", this.directory.newCompany()));

		Api.Reply reply = login(login.toUpperCase(java.util.Locale.ROOT), PASSWORD);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(id);
	}

	@Test
	void createWhenPasswordHas11CharactersThenRequestInvalid() {
		String login = Directory.unique("short");

		assertFailure(create(Directory.adminAuth(), Map.of("login", login, "password", "x".repeat(11), "company",
				this.directory.newCompany())), 400, "request.invalid");
		assertFailure(login(login, "x".repeat(11)), 401, "auth.failed");
	}

	@Test
	void createWhenPasswordHas129CharactersThenRequestInvalid() {
		assertFailure(create(Directory.adminAuth(), Map.of("login", Directory.unique("long"), "password", "x".repeat(129),
				"company", this.directory.newCompany())), 400, "request.invalid");
	}

	@Test
	void createWhenPasswordHas12CharactersThenTheUserCanLogIn() {
		String login = Directory.unique("twelve");
		createdId(Map.of("login", login, "password", "p".repeat(12), "company", this.directory.newCompany()));

		assertThat(login(login, "p".repeat(12)).status()).isEqualTo(200);
	}

	@Test
	void createWhenPasswordHas128CharactersThenTheUserCanLogIn() {
		String login = Directory.unique("maxpw");
		createdId(Map.of("login", login, "password", "p".repeat(128), "company", this.directory.newCompany()));

		assertThat(login(login, "p".repeat(128)).status()).isEqualTo(200);
	}

	@Test
	void createWhenLoginHasForbiddenCharactersThenRequestInvalid() {
		String company = this.directory.newCompany();

		for (String login : new String[] { "has space", "semi;colon", "slash/x", "<b>", "" }) {
			assertFailure(create(Directory.adminAuth(), Map.of("login", login, "password", PASSWORD, "company", company)),
					400, "request.invalid");
		}
	}

	@Test
	void createWithoutLoginOrPasswordThenRequestInvalid() {
		String company = this.directory.newCompany();

		assertFailure(create(Directory.adminAuth(), Map.of("password", PASSWORD, "company", company)), 400,
				"request.invalid");
		assertFailure(create(Directory.adminAuth(), Map.of("login", Directory.unique("nopw"), "company", company)), 400,
				"request.invalid");
	}

	@Test
	void createWithAnUnknownRoleThenRoleUnknown() {
		assertFailure(create(Directory.adminAuth(), Map.of("login", Directory.unique("norole"), "password", PASSWORD,
				"company", this.directory.newCompany(), "role", Directory.unique("Ghost"))), 400, "role.unknown");
	}

	@Test
	void createInAnUnknownCompanyThenCompanyUnknown() {
		String login = Directory.unique("nocompany");

		assertFailure(create(Directory.adminAuth(), Map.of("login", login, "password", PASSWORD, "company",
				Directory.unique("ghost"))), 400, "company.unknown");
		assertFailure(login(login, PASSWORD), 401, "auth.failed");
	}

	private long createdId(Map<String, Object> values) {
		Api.Reply reply = create(Directory.adminAuth(), values);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0).path("id").asLong();
	}

	private Api.Reply create(Map<String, Object> auth, Map<String, Object> values) {
		Map<String, Object> body = new HashMap<>();
		body.put("values", values);
		body.put("auth", auth);
		return this.api.post("/rest/ops/create/user", body);
	}

	private Api.Reply login(String login, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}

}
