package com.gatehouse.role;

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
 * {@code type: "role"} update and delete over HTTP, and how a role's permissions reach the users
 * holding it: at login, and in their existing sessions and keys at the next call.
 */
@GatehouseTest
class RoleUseTests {

	Api api;

	Directory directory;

	RoleCalls roles;

	@Test
	void userHoldingACustomRoleGetsExactlyItsPermsAtLogin() {
		String company = this.directory.newCompany();
		JsonNode role = this.roles.created(company, Map.of("cdr", "company", "voicemail", "yes"));
		TestUser user = this.directory.newUser(company, role.path("name").asString());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(RoleCalls.perms(reply.json().path("user"))).isEqualTo(Map.of("cdr", "company", "voicemail", "yes"));
	}

	@Test
	void updateOfRolePermsAppliesToAnExistingSessionAtItsNextCall() {
		String company = this.directory.newCompany();
		JsonNode role = this.roles.created(company, Map.of("cdr", "company"));
		TestUser user = this.directory.newUser(company, role.path("name").asString());
		String session = this.directory.login(user);

		Api.Reply update = update(Directory.adminAuth(), role, Map.of("perms", Map.of("cdr", "yes", "voicemail", "company")));

		assertThat(update.status()).as("%s", update).isEqualTo(200);
		assertThat(RoleCalls.perms(update.json().path("values").path(0))).isEqualTo(Map.of("cdr", "yes", "voicemail", "company"));
		Api.Reply check = this.api.postWithCookie("/rest/auth/", Map.of(), session);
		assertThat(check.status()).as("%s", check).isEqualTo(200);
		assertThat(RoleCalls.perms(check.json().path("user"))).isEqualTo(Map.of("cdr", "yes", "voicemail", "company"));
	}

	@Test
	void updateOfRolePermsAppliesToAnExistingKeyAtItsNextCall() {
		String company = this.directory.newCompany();
		JsonNode role = this.roles.created(company, Map.of("cdr", "company"));
		TestUser user = this.directory.newUser(company, role.path("name").asString());
		String key = this.directory.newKey(user.id());

		update(Directory.adminAuth(), role, Map.of("perms", Map.of()));

		Api.Reply check = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
		assertThat(check.status()).as("%s", check).isEqualTo(200);
		assertThat(RoleCalls.perms(check.json().path("user"))).isEmpty();
	}

	@Test
	void updateRenamingARoleAnswersTheNewNameAndUsersKeepIt() {
		String company = this.directory.newCompany();
		JsonNode role = this.roles.created(company, Map.of("cdr", "company"));
		TestUser user = this.directory.newUser(company, role.path("name").asString());
		String name = Directory.unique("Renamed");

		Api.Reply reply = update(Directory.adminAuth(), role, Map.of("name", name));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("name").asString()).isEqualTo(name);
		assertThat(RoleCalls.perms(reply.json().path("values").path(0))).isEqualTo(Map.of("cdr", "company"));
		Api.Reply read = this.directory.asAdmin("read", "user", Map.of("scope", Map.of("id", user.id())));
		assertThat(read.json().path("values").path(0).path("role").asString()).isEqualTo(name);
	}

	@Test
	void updateRenamingARoleToATakenNameThenRoleExists() {
		String company = this.directory.newCompany();
		JsonNode first = this.roles.created(company, Map.of());
		JsonNode second = this.roles.created(company, Map.of());

		assertFailure(update(Directory.adminAuth(), second, Map.of("name", first.path("name").asString())), 409,
				"role.exists");
		assertFailure(update(Directory.adminAuth(), second, Map.of("name", "User")), 409, "role.exists");
	}

	@Test
	void updateOfABuiltInRoleThenRoleBuiltin() {
		for (String builtin : new String[] { "System-Admin", "Company-Admin", "User" }) {
			assertFailure(update(Directory.adminAuth(), builtIn(builtin), Map.of("perms", Map.of("cdr", "yes"))), 409,
					"role.builtin");
		}
		assertThat(RoleCalls.perms(builtIn("User"))).isEmpty();
	}

	@Test
	void deleteOfABuiltInRoleThenRoleBuiltin() {
		for (String builtin : new String[] { "System-Admin", "Company-Admin", "User" }) {
			assertFailure(delete(Directory.adminAuth(), builtIn(builtin)), 409, "role.builtin");
		}
	}

	@Test
	void deleteOfARoleInUseThenRoleInUse() {
		String company = this.directory.newCompany();
		JsonNode role = this.roles.created(company, Map.of("cdr", "company"));
		TestUser user = this.directory.newUser(company, role.path("name").asString());

		assertFailure(delete(Directory.adminAuth(), role), 409, "role.in_use");
		assertThat(RoleCalls.perms(this.api.post("/rest/auth/", Map.of("auth", user.auth())).json().path("user")))
			.isEqualTo(Map.of("cdr", "company"));
	}

	@Test
	void deleteOfAnUnusedRoleSucceedsAndItIsGone() {
		JsonNode role = this.roles.created(this.directory.newCompany(), Map.of("cdr", "company"));

		Api.Reply reply = delete(Directory.adminAuth(), role);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("result");
		assertThat(reply.result()).isEqualTo("success");
		Api.Reply read = this.directory.asAdmin("read", "role", Map.of("scope", Map.of("id", role.path("id").asLong())));
		assertThat(read.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void companyAdminDeletesAnUnusedRoleOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		JsonNode role = this.roles.created(company, Map.of("cdr", "company"));

		assertThat(delete(companyAdmin.auth(), role).status()).isEqualTo(200);
	}

	@Test
	void companyAdminWideningItsCompanysRoleBeyondItsGrantsThenPermissionDenied() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		JsonNode role = this.roles.created(company, Map.of("cdr", "company"));

		assertFailure(update(companyAdmin.auth(), role, Map.of("perms", Map.of("cdr", "yes"))), 403, "permission.denied");
	}

	@Test
	void companyAdminChangingAGlobalRoleThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		JsonNode global = this.roles.created(null, Map.of("cdr", "company"));

		assertFailure(update(companyAdmin.auth(), global, Map.of("perms", Map.of())), 403, "permission.denied");
		assertFailure(delete(companyAdmin.auth(), global), 403, "permission.denied");
	}

	@Test
	void companyAdminChangingAnotherCompanysRoleThenMatchesNoRole() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		JsonNode foreign = this.roles.created(this.directory.newCompany(), Map.of("cdr", "company"));

		assertThat(update(companyAdmin.auth(), foreign, Map.of("perms", Map.of())).json().path("values").isEmpty()).isTrue();
		assertThat(delete(companyAdmin.auth(), foreign).status()).isEqualTo(200);
		assertThat(this.directory.asAdmin("read", "role", Map.of("scope", Map.of("id", foreign.path("id").asLong())))
			.json().path("values").path(0).path("perms").path("cdr").asString()).isEqualTo("company");
	}

	private JsonNode builtIn(String name) {
		Api.Reply reply = this.directory.asAdmin("read", "role", Map.of("scope", Map.of("name", name)));
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.path("builtin").asBoolean()).as("%s", reply).isTrue();
		return row;
	}

	private Api.Reply update(Map<String, Object> auth, JsonNode role, Map<String, Object> values) {
		return this.roles.call(auth, "update", Map.of("scope", Map.of("id", role.path("id").asLong()), "values", values));
	}

	private Api.Reply delete(Map<String, Object> auth, JsonNode role) {
		return this.roles.call(auth, "delete", Map.of("scope", Map.of("id", role.path("id").asLong())));
	}
}
