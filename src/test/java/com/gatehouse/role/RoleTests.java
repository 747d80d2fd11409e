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

/** {@code type: "role"} create over HTTP: who may make which roles, and the checks on names and grants. */
@GatehouseTest
class RoleTests {

	Api api;

	Directory directory;

	RoleCalls roles;

	@Test
	void createAsSystemAdminMakesAGlobalRole() {
		String name = Directory.unique("Global");

		Api.Reply reply = this.roles.create(Directory.adminAuth(), Map.of("name", name, "perms", Map.of("cdr", "yes")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.propertyNames()).containsExactly("id", "name", "company", "perms", "builtin", "version");
		assertThat(row.path("id").isIntegralNumber()).isTrue();
		assertThat(row.path("name").asString()).isEqualTo(name);
		assertThat(row.path("company").isNull()).isTrue();
		assertThat(RoleCalls.perms(row)).isEqualTo(Map.of("cdr", "yes"));
		assertThat(row.path("builtin").asBoolean()).isFalse();
	}

	@Test
	void createAsSystemAdminMakesACompanyRole() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.roles.create(Directory.adminAuth(),
				Map.of("name", Directory.unique("Desk"), "company", company, "perms", Map.of("cdr", "yes")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("company").asString()).isEqualTo(company);
		assertThat(RoleCalls.perms(reply.json().path("values").path(0))).isEqualTo(Map.of("cdr", "yes"));
	}

	@Test
	void createAsCompanyAdminMakesARoleInItsOwnCompanyWithinItsGrants() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = this.roles.create(companyAdmin.auth(), Map.of("name", Directory.unique("Deputy"), "company", company,
				"perms", Map.of("cdr", "company", "admin", "company")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("company").asString()).isEqualTo(company);
		assertThat(RoleCalls.perms(reply.json().path("values").path(0))).isEqualTo(Map.of("cdr", "company", "admin", "company"));
	}

	@Test
	void createAsCompanyAdminWithAGrantWiderThanItHoldsThenPermissionDenied() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		String name = Directory.unique("Wide");

		assertFailure(this.roles.create(companyAdmin.auth(), Map.of("name", name, "company", company, "perms", Map.of("cdr", "yes"))),
				403, "permission.denied");
		assertFailure(this.roles.create(companyAdmin.auth(), Map.of("name", name, "company", company, "perms", Map.of("admin", "yes"))),
				403, "permission.denied");
		assertThat(RoleCalls.names(this.roles.call(Directory.adminAuth(), "read", Map.of("scope", Map.of("name", name))))).isEmpty();
	}

	@Test
	void createAsCompanyAdminOfAGlobalRoleThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(this.roles.create(companyAdmin.auth(), Map.of("name", Directory.unique("Everywhere"), "perms", Map.of())), 403,
				"permission.denied");
	}

	@Test
	void createAsCompanyAdminInAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(this.roles.create(companyAdmin.auth(), Map.of("name", Directory.unique("Foreign"), "company",
				this.directory.newCompany(), "perms", Map.of("cdr", "company"))), 403, "permission.denied");
	}

	@Test
	void createWithAnUnknownGrantWordThenRequestInvalid() {
		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", Directory.unique("Maybe"), "company",
				this.directory.newCompany(), "perms", Map.of("cdr", "maybe"))), 400, "request.invalid");
	}

	@Test
	void createWithAMissingGrantWordThenRequestInvalid() {
		String company = this.directory.newCompany();

		assertFailure(this.roles.call(Directory.adminAuth(), "create", "{\"values\":{\"name\":\"" + Directory.unique("Null")
				+ "\",\"company\":\"" + company + "\",\"perms\":{\"cdr\":null}}}"), 400, "request.invalid");
		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", Directory.unique("Flat"), "company", company,
				"perms", "yes")), 400, "request.invalid");
	}

	@Test
	void createWithABadPermissionNameThenRequestInvalid() {
		String company = this.directory.newCompany();

		for (String perm : new String[] { "Bad Perm", "CDR", "1cdr", "" }) {
			assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", Directory.unique("BadPerm"), "company", company,
					"perms", Map.of(perm, "yes"))), 400, "request.invalid");
		}
	}

	@Test
	void createWithoutANameThenRequestInvalid() {
		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("company", this.directory.newCompany(), "perms", Map.of())), 400,
				"request.invalid");
	}

	@Test
	void createWithANameTakenInTheSameCompanyThenRoleExists() {
		String company = this.directory.newCompany();
		String name = this.roles.createdName(company, Map.of());

		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", name, "company", company)), 409, "role.exists");
		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", name.toUpperCase(java.util.Locale.ROOT), "company",
				company)), 409, "role.exists");
	}

	@Test
	void createWithANameTakenInAnotherCompanySucceeds() {
		String name = this.roles.createdName(this.directory.newCompany(), Map.of());

		Api.Reply reply = this.roles.create(Directory.adminAuth(), Map.of("name", name, "company", this.directory.newCompany()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	@Test
	void createOfACompanyRoleWithAGlobalRolesNameThenRoleExists() {
		String company = this.directory.newCompany();
		String global = this.roles.createdName(null, Map.of());

		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", global, "company", company)), 409, "role.exists");
		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", "company-admin", "company", company)), 409,
				"role.exists");
	}

	@Test
	void createInAnUnknownCompanyThenCompanyUnknown() {
		assertFailure(this.roles.create(Directory.adminAuth(), Map.of("name", Directory.unique("Lost"), "company",
				Directory.unique("ghost"))), 400, "company.unknown");
	}
}
