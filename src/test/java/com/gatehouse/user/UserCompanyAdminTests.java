package com.gatehouse.user;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Company-Admin may do to users over HTTP: manage its own company's users whose role it
 * could grant, and nothing more (AccessPolicy).
 */
@GatehouseTest
class UserCompanyAdminTests {

	Api api;

	Directory directory;

	String company;

	TestUser companyAdmin;

	@BeforeEach
	void setUp() {
		this.company = this.directory.newCompany();
		this.companyAdmin = this.directory.newUser(this.company, "Company-Admin");
	}

	@Test
	void companyAdminUpdatesAUserOfItsCompany() {
		TestUser user = this.directory.newUser(this.company, "User");

		Api.Reply reply = update(user, Map.of("name", "Renamed by admin", "role", "Company-Admin"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("name").asString()).isEqualTo("Renamed by admin");
		assertThat(reply.json().path("values").path(0).path("role").asString()).isEqualTo("Company-Admin");
	}

	@Test
	void companyAdminUpdatesAnotherCompanyAdminOfItsCompany() {
		TestUser peer = this.directory.newUser(this.company, "Company-Admin");

		Api.Reply reply = update(peer, Map.of("password", "reset-by-the-admin"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(login(peer.login(), "reset-by-the-admin").status()).isEqualTo(200);
	}

	@Test
	void companyAdminCreatesACompanyAdminInItsCompany() {
		Api.Reply reply = call("create", Map.of("values",
				Map.of("login", Directory.unique("peer"), "password", "peer-password-1", "role", "Company-Admin")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("company").asString()).isEqualTo(this.company);
		assertThat(reply.json().path("values").path(0).path("role").asString()).isEqualTo("Company-Admin");
	}

	@Test
	void companyAdminDeletesAUserOfItsCompany() {
		TestUser user = this.directory.newUser(this.company, "User");

		Api.Reply reply = call("delete", Map.of("scope", Map.of("id", user.id())));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertFailure(login(user.login(), user.password()), 401, "auth.failed");
	}

	@Test
	void companyAdminUpdatingAnotherCompanysUserThenMatchesNoUser() {
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");

		assertThat(update(stranger, Map.of("name", "Hijacked")).json().path("values").isEmpty()).isTrue();
		assertThat(call("update", Map.of("scope", Map.of("login", stranger.login()), "values", Map.of("name", "x")))
			.json().path("values").isEmpty()).isTrue();
		assertThat(adminRead(stranger).path("name").asString()).isEqualTo("Name of " + stranger.login());
	}

	@Test
	void companyAdminDeletingAnotherCompanysUserThenMatchesNoUser() {
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");

		assertThat(call("delete", Map.of("scope", Map.of("id", stranger.id()))).status()).isEqualTo(200);
		assertThat(login(stranger.login(), stranger.password()).status()).isEqualTo(200);
	}

	@Test
	void companyAdminUpdatingASystemAdminOfItsOwnCompanyThenPermissionDenied() {
		TestUser systemAdmin = this.directory.newUser(this.company, "System-Admin");

		assertFailure(update(systemAdmin, Map.of("password", "taken-over-password")), 403, "permission.denied");
		assertThat(login(systemAdmin.login(), systemAdmin.password()).status()).isEqualTo(200);
	}

	@Test
	void companyAdminDeletingASystemAdminOfItsOwnCompanyThenPermissionDenied() {
		TestUser systemAdmin = this.directory.newUser(this.company, "System-Admin");

		assertFailure(call("delete", Map.of("scope", Map.of("id", systemAdmin.id()))), 403, "permission.denied");
		assertThat(adminRead(systemAdmin).path("role").asString()).isEqualTo("System-Admin");
	}

	@Test
	void companyAdminGivingTheSystemAdminRoleThenPermissionDenied() {
		TestUser user = this.directory.newUser(this.company, "User");

		assertFailure(update(user, Map.of("role", "System-Admin")), 403, "permission.denied");
		assertFailure(update(this.companyAdmin, Map.of("role", "System-Admin")), 403, "permission.denied");
		assertThat(adminRead(user).path("role").asString()).isEqualTo("User");
		assertThat(adminRead(this.companyAdmin).path("role").asString()).isEqualTo("Company-Admin");
	}

	@Test
	void companyAdminCreatingASystemAdminThenPermissionDenied() {
		String login = Directory.unique("root");

		assertFailure(call("create", Map.of("values",
				Map.of("login", login, "password", "root-password-1", "role", "System-Admin"))), 403, "permission.denied");
		assertFailure(login(login, "root-password-1"), 401, "auth.failed");
	}

	@Test
	void companyAdminMovingAUserToAnotherCompanyThenPermissionDenied() {
		TestUser user = this.directory.newUser(this.company, "User");
		String other = this.directory.newCompany();

		assertFailure(update(user, Map.of("company", other)), 403, "permission.denied");
		assertThat(adminRead(user).path("company").asString()).isEqualTo(this.company);
	}

	@Test
	void companyAdminCreatingAUserInAnotherCompanyThenPermissionDenied() {
		assertFailure(call("create", Map.of("values", Map.of("login", Directory.unique("alien"), "password",
				"alien-password-1", "company", this.directory.newCompany()))), 403, "permission.denied");
	}

	private Api.Reply update(TestUser user, Map<String, Object> values) {
		return call("update", Map.of("scope", Map.of("id", user.id()), "values", values));
	}

	private Api.Reply call(String verb, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", this.companyAdmin.auth());
		return this.api.post("/rest/ops/" + verb + "/user", withAuth);
	}

	private JsonNode adminRead(TestUser user) {
		Api.Reply reply = this.directory.asAdmin("read", "user", Map.of("scope", Map.of("id", user.id())));
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		return reply.json().path("values").path(0);
	}

	private Api.Reply login(String login, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}

}
