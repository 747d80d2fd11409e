package com.gatehouse.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code type: "user"} read over HTTP: scopes, columns, order, and what a Company-Admin may see. */
@GatehouseTest
class UserReadTests {

	Api api;

	Directory directory;

	@Test
	void readAsSystemAdminByIdAnswersThatUserWithoutPasswordFields() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");

		Api.Reply reply = read(Directory.adminAuth(), Map.of("scope", Map.of("id", user.id())));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode values = reply.json().path("values");
		assertThat(values.isArray()).isTrue();
		assertThat(values.size()).isEqualTo(1);
		JsonNode row = values.path(0);
		assertThat(row.propertyNames()).containsExactly("id", "login", "name", "company", "role", "enabled");
		assertThat(row.path("id").asLong()).isEqualTo(user.id());
		assertThat(row.path("login").asString()).isEqualTo(user.login());
		assertThat(row.path("name").asString()).isEqualTo("Name of " + user.login());
		assertThat(row.path("company").asString()).isEqualTo(company);
		assertThat(row.path("role").asString()).isEqualTo("User");
		assertThat(row.path("enabled").asBoolean()).isTrue();
		assertThat(reply.body()).doesNotContain(user.password()).doesNotContainIgnoringCase("password");
	}

	@Test
	void readAsSystemAdminByLoginFindsTheUserWhateverTheCase() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = read(Directory.adminAuth(), Map.of("scope", Map.of("login", user.login().toUpperCase(java.util.Locale.ROOT))));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(ids(reply)).containsExactly(user.id());
	}

	@Test
	void readAsSystemAdminByCompanyAnswersExactlyThatCompanysUsers() {
		String company = this.directory.newCompany();
		TestUser first = this.directory.newUser(company, "User");
		TestUser second = this.directory.newUser(company, "Company-Admin");
		this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = read(Directory.adminAuth(), Map.of("scope", Map.of("company", company)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(ids(reply)).containsExactly(first.id(), second.id());
	}

	@Test
	void readAsCompanyAdminWithoutScopeAnswersOnlyItsOwnCompanysUsers() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		TestUser colleague = this.directory.newUser(company, "User");
		this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = read(companyAdmin.auth(), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(ids(reply)).containsExactly(companyAdmin.id(), colleague.id());
		reply.json().path("values").forEach((row) -> assertThat(row.propertyNames())
			.containsExactly("id", "login", "name", "company", "role", "enabled"));
	}

	@Test
	void readAsCompanyAdminByIdOfAnotherCompanysUserAnswersNothing() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = read(companyAdmin.auth(), Map.of("scope", Map.of("id", stranger.id())));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isArray()).isTrue();
		assertThat(reply.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void readAsCompanyAdminNamingAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		String other = this.directory.newCompany();
		this.directory.newUser(other, "User");

		assertFailure(read(companyAdmin.auth(), Map.of("scope", Map.of("company", other))), 403, "permission.denied");
	}

	@Test
	void readAsPlainUserThenPermissionDenied() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(read(user.auth(), Map.of()), 403, "permission.denied");
	}

	@Test
	void readWithOrderByDescendingIdAnswersNewestFirst() {
		String company = this.directory.newCompany();
		TestUser first = this.directory.newUser(company, "User");
		TestUser second = this.directory.newUser(company, "User");
		TestUser third = this.directory.newUser(company, "User");

		Api.Reply reply = read(Directory.adminAuth(), Map.of("scope", Map.of("company", company), "order", List.of("-id")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(ids(reply)).containsExactly(third.id(), second.id(), first.id());
	}

	@Test
	void readWithColumnsAnswersOnlyThoseMembers() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");

		Api.Reply reply = read(Directory.adminAuth(),
				Map.of("scope", Map.of("company", company), "columns", List.of("login", "role")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode values = reply.json().path("values");
		assertThat(values.size()).isEqualTo(1);
		assertThat(values.path(0).propertyNames()).containsExactly("login", "role");
		assertThat(values.path(0).path("login").asString()).isEqualTo(user.login());
		assertThat(values.path(0).path("role").asString()).isEqualTo("User");
	}

	private Api.Reply read(Map<String, Object> auth, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post("/rest/ops/read/user", withAuth);
	}

	private static List<Long> ids(Api.Reply reply) {
		List<Long> ids = new ArrayList<>();
		reply.json().path("values").forEach((row) -> ids.add(row.path("id").asLong()));
		return ids;
	}

}
