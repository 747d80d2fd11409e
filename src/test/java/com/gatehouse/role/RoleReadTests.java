package com.gatehouse.role;

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

/** {@code type: "role"} read over HTTP: the built-in roles, and which roles a Company-Admin sees. */
@GatehouseTest
class RoleReadTests {

	Api api;

	Directory directory;

	RoleCalls roles;

	@Test
	void readShowsTheBuiltInRolesAsGlobalAndBuiltin() {
		Api.Reply reply = this.roles.call(Directory.adminAuth(), "read", Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertBuiltin(named(reply, "System-Admin"), Map.of("admin", "yes"));
		assertBuiltin(named(reply, "Company-Admin"), Map.of("admin", "company"));
		assertBuiltin(named(reply, "User"), Map.of());
	}

	@Test
	void readAsCompanyAdminShowsGlobalRolesAndItsCompanysButNotAnothers() {
		String company = this.directory.newCompany();
		String other = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		String global = this.roles.createdName(null, Map.of("cdr", "company"));
		String own = this.roles.createdName(company, Map.of("cdr", "company"));
		String foreign = this.roles.createdName(other, Map.of("cdr", "company"));

		Api.Reply reply = this.roles.call(companyAdmin.auth(), "read", Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(RoleCalls.names(reply)).contains("System-Admin", "Company-Admin", "User", global, own).doesNotContain(foreign);
		assertThat(named(reply, own).path("company").asString()).isEqualTo(company);
	}

	@Test
	void readAsCompanyAdminNamingAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(this.roles.call(companyAdmin.auth(), "read", Map.of("scope", Map.of("company", this.directory.newCompany()))),
				403, "permission.denied");
	}

	@Test
	void readAsPlainUserThenPermissionDenied() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(this.roles.call(user.auth(), "read", Map.of()), 403, "permission.denied");
	}

	private static void assertBuiltin(JsonNode row, Map<String, String> perms) {
		assertThat(row.propertyNames()).containsExactly("id", "name", "company", "perms", "builtin", "version");
		assertThat(row.path("company").isNull()).isTrue();
		assertThat(row.path("builtin").asBoolean()).isTrue();
		assertThat(RoleCalls.perms(row)).isEqualTo(perms);
	}

	private static JsonNode named(Api.Reply reply, String name) {
		for (JsonNode row : reply.json().path("values")) {
			if (row.path("name").asString().equals(name)) {
				return row;
			}
		}
		throw new AssertionError("no role " + name + " in " + reply);
	}
}
