package com.gatehouse.role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
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

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.directory = new Directory(this.api);
	}

	@Test
	void createAsSystemAdminMakesAGlobalRole() {
		String name = Directory.unique("Global");

		Api.Reply reply = create(Directory.adminAuth(), Map.of("name", name, "perms", Map.of("cdr", "yes")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.propertyNames()).containsExactly("id", "name", "company", "perms", "builtin");
		assertThat(row.path("id").isIntegralNumber()).isTrue();
		assertThat(row.path("name").asString()).isEqualTo(name);
		assertThat(row.path("company").isNull()).isTrue();
		assertThat(perms(row)).isEqualTo(Map.of("cdr", "yes"));
		assertThat(row.path("builtin").asBoolean()).isFalse();
	}

	@Test
	void createAsSystemAdminMakesACompanyRole() {
		String company = this.directory.newCompany();

		Api.Reply reply = create(Directory.adminAuth(),
				Map.of("name", Directory.unique("Desk"), "company", company, "perms", Map.of("cdr", "yes")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("company").asString()).isEqualTo(company);
		assertThat(perms(reply.json().path("values").path(0))).isEqualTo(Map.of("cdr", "yes"));
	}

	@Test
	void createAsCompanyAdminMakesARoleInItsOwnCompanyWithinItsGrants() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = create(companyAdmin.auth(), Map.of("name", Directory.unique("Deputy"), "company", company,
				"perms", Map.of("cdr", "company", "admin", "company")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("company").asString()).isEqualTo(company);
		assertThat(perms(reply.json().path("values").path(0))).isEqualTo(Map.of("cdr", "company", "admin", "company"));
	}

	@Test
	void createAsCompanyAdminWithAGrantWiderThanItHoldsThenPermissionDenied() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		String name = Directory.unique("Wide");

		assertFailure(create(companyAdmin.auth(), Map.of("name", name, "company", company, "perms", Map.of("cdr", "yes"))),
				403, "permission.denied");
		assertFailure(create(companyAdmin.auth(), Map.of("name", name, "company", company, "perms", Map.of("admin", "yes"))),
				403, "permission.denied");
		assertThat(names(call(Directory.adminAuth(), "read", Map.of("scope", Map.of("name", name))))).isEmpty();
	}

	@Test
	void createAsCompanyAdminOfAGlobalRoleThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(create(companyAdmin.auth(), Map.of("name", Directory.unique("Everywhere"), "perms", Map.of())), 403,
				"permission.denied");
	}

	@Test
	void createAsCompanyAdminInAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(create(companyAdmin.auth(), Map.of("name", Directory.unique("Foreign"), "company",
				this.directory.newCompany(), "perms", Map.of("cdr", "company"))), 403, "permission.denied");
	}

	@Test
	void createWithAnUnknownGrantWordThenRequestInvalid() {
		assertFailure(create(Directory.adminAuth(), Map.of("name", Directory.unique("Maybe"), "company",
				this.directory.newCompany(), "perms", Map.of("cdr", "maybe"))), 400, "request.invalid");
	}

	@Test
	void createWithAMissingGrantWordThenRequestInvalid() {
		String company = this.directory.newCompany();

		assertFailure(call(Directory.adminAuth(), "create", "{\"values\":{\"name\":\"" + Directory.unique("Null")
				+ "\",\"company\":\"" + company + "\",\"perms\":{\"cdr\":null}}}"), 400, "request.invalid");
		assertFailure(create(Directory.adminAuth(), Map.of("name", Directory.unique("Flat"), "company", company,
				"perms", "yes")), 400, "request.invalid");
	}

	@Test
	void createWithABadPermissionNameThenRequestInvalid() {
		String company = this.directory.newCompany();

		for (String perm : new String[] { "Bad Perm", "CDR", "1cdr", "" }) {
			assertFailure(create(Directory.adminAuth(), Map.of("name", Directory.unique("BadPerm"), "company", company,
					"perms", Map.of(perm, "yes"))), 400, "request.invalid");
		}
	}

	@Test
	void createWithoutANameThenRequestInvalid() {
		assertFailure(create(Directory.adminAuth(), Map.of("company", this.directory.newCompany(), "perms", Map.of())), 400,
				"request.invalid");
	}

	@Test
	void createWithANameTakenInTheSameCompanyThenRoleExists() {
		String company = this.directory.newCompany();
		String name = created(company, Map.of());

		assertFailure(create(Directory.adminAuth(), Map.of("name", name, "company", company)), 409, "role.exists");
		assertFailure(create(Directory.adminAuth(), Map.of("name", name.toUpperCase(java.util.Locale.ROOT), "company",
				company)), 409, "role.exists");
	}

	@Test
	void createWithANameTakenInAnotherCompanySucceeds() {
		String name = created(this.directory.newCompany(), Map.of());

		Api.Reply reply = create(Directory.adminAuth(), Map.of("name", name, "company", this.directory.newCompany()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	@Test
	void createOfACompanyRoleWithAGlobalRolesNameThenRoleExists() {
		String company = this.directory.newCompany();
		String global = created(null, Map.of());

		assertFailure(create(Directory.adminAuth(), Map.of("name", global, "company", company)), 409, "role.exists");
		assertFailure(create(Directory.adminAuth(), Map.of("name", "company-admin", "company", company)), 409,
				"role.exists");
	}

	@Test
	void createInAnUnknownCompanyThenCompanyUnknown() {
		assertFailure(create(Directory.adminAuth(), Map.of("name", Directory.unique("Lost"), "company",
				Directory.unique("ghost"))), 400, "company.unknown");
	}

	/** Creates a role as the System-Admin (global when {@code company} is null) and answers its name. */
	private String created(String company, Map<String, String> perms) {
		String name = Directory.unique("Role");
		Map<String, Object> values = new HashMap<>(Map.of("name", name, "perms", perms));
		if (company != null) {
			values.put("company", company);
		}
		Api.Reply reply = create(Directory.adminAuth(), values);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return name;
	}

	private Api.Reply create(Map<String, Object> auth, Map<String, Object> values) {
		return call(auth, "create", Map.of("values", values));
	}

	private Api.Reply call(Map<String, Object> auth, String verb, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post("/rest/ops/" + verb + "/role", withAuth);
	}

	private Api.Reply call(Map<String, Object> auth, String verb, String json) {
		String withAuth = json.substring(0, json.length() - 1) + ",\"auth\":" + Api.JSON.writeValueAsString(auth) + "}";
		return this.api.post("/rest/ops/" + verb + "/role", withAuth);
	}

	private static List<String> names(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		List<String> names = new ArrayList<>();
		reply.json().path("values").forEach((row) -> names.add(row.path("name").asString()));
		return names;
	}

	private static Map<String, String> perms(JsonNode row) {
		assertThat(row.path("perms").isObject()).as("perms of %s", row).isTrue();
		Map<String, String> perms = new HashMap<>();
		row.path("perms").properties().forEach((entry) -> perms.put(entry.getKey(), entry.getValue().asString()));
		return perms;
	}

}
