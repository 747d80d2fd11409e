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

/** {@code type: "role"} read over HTTP: the built-in roles, and which roles a Company-Admin sees. */
@GatehouseTest
class RoleReadTests {

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
	void readShowsTheBuiltInRolesAsGlobalAndBuiltin() {
		Api.Reply reply = call(Directory.adminAuth(), "read", Map.of());

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
		String global = created(null, Map.of("cdr", "company"));
		String own = created(company, Map.of("cdr", "company"));
		String foreign = created(other, Map.of("cdr", "company"));

		Api.Reply reply = call(companyAdmin.auth(), "read", Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(names(reply)).contains("System-Admin", "Company-Admin", "User", global, own).doesNotContain(foreign);
		assertThat(named(reply, own).path("company").asString()).isEqualTo(company);
	}

	@Test
	void readAsCompanyAdminNamingAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(call(companyAdmin.auth(), "read", Map.of("scope", Map.of("company", this.directory.newCompany()))),
				403, "permission.denied");
	}

	@Test
	void readAsPlainUserThenPermissionDenied() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(call(user.auth(), "read", Map.of()), 403, "permission.denied");
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

	private static void assertBuiltin(JsonNode row, Map<String, String> perms) {
		assertThat(row.propertyNames()).containsExactly("id", "name", "company", "perms", "builtin");
		assertThat(row.path("company").isNull()).isTrue();
		assertThat(row.path("builtin").asBoolean()).isTrue();
		assertThat(perms(row)).isEqualTo(perms);
	}

	private static JsonNode named(Api.Reply reply, String name) {
		for (JsonNode row : reply.json().path("values")) {
			if (row.path("name").asString().equals(name)) {
				return row;
			}
		}
		throw new AssertionError("no role " + name + " in " + reply);
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
