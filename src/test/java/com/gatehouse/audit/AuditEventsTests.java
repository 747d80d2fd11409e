package com.gatehouse.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each audited action over HTTP leaves its event with the right fields: about whom, in which
 * company, from which address, by whom; and a change that fails leaves none.
 */
@GatehouseTest
class AuditEventsTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	AuditReads audit;

	@Test
	void logoutRecordsLogoutAboutTheUserByTheUser() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);
		Instant before = Instant.now();

		assertThat(this.api.postWithCookie("/rest/auth/logout", Map.of("auth", Map.of("type", "auth")), session).status())
			.isEqualTo(200);

		List<JsonNode> rows = this.audit.asAdmin(Map.of("contact_id", user.id(), "event", "logout"));
		assertThat(rows).hasSize(1);
		assertRow(rows.get(0), "logout", user, before);
		assertThat(rows.get(0).path("detail").asString()).isEqualTo("by " + user.login() + " (" + user.id() + ")");
	}

	@Test
	void logoutThatFailsRecordsNothing() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(this.api.post("/rest/auth/logout", Map.of("auth", user.auth())), 401, "auth.session_required");

		assertThat(AuditReads.events(this.audit.about(user.id()))).doesNotContain("logout");
	}

	@Test
	void permissionDeniedRecordsTheActionAboutTheCaller() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		Instant before = Instant.now();

		assertFailure(this.api.post("/rest/ops/create/company",
				Map.of("auth", user.auth(), "values", Map.of("id", Directory.unique("co"), "name", "Nope"))), 403,
				"permission.denied");

		List<JsonNode> rows = this.audit.asAdmin(Map.of("contact_id", user.id(), "event", "permission.denied"));
		assertThat(rows).hasSize(1);
		assertRow(rows.get(0), "permission.denied", user, before);
		assertThat(rows.get(0).path("detail").asString())
			.isEqualTo("by " + user.login() + " (" + user.id() + "): company.create");
	}

	@Test
	void userCreateUpdateDeleteRecordTheActorAndWhatChanged() {
		String company = this.directory.newCompany();
		Instant before = Instant.now();
		TestUser user = this.directory.newUser(company, "User");
		this.directory.asAdmin("update", "user",
				Map.of("scope", Map.of("id", user.id()), "values", Map.of("name", "Renamed", "enabled", false)));
		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", user.id())));

		List<JsonNode> rows = this.audit.about(user.id());

		assertThat(AuditReads.events(rows)).containsExactly("user.deleted", "user.updated", "user.created");
		rows.forEach((row) -> assertRow(row, row.path("event").asString(), user, before));
		String byAdmin = "by " + Directory.ADMIN_LOGIN + " (";
		assertThat(rows.get(2).path("detail").asString()).startsWith(byAdmin).endsWith("): role User, enabled");
		assertThat(rows.get(1).path("detail").asString()).startsWith(byAdmin)
			.endsWith("): name 'Name of " + user.login() + "' -> 'Renamed', enabled 'true' -> 'false'");
		assertThat(rows.get(0).path("detail").asString()).startsWith(byAdmin).endsWith("): role User, disabled");
	}

	@Test
	void userCreatedByACompanyAdminNamesThatAdmin() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		String login = Directory.unique("made");

		Api.Reply reply = this.api.post("/rest/ops/create/user", Map.of("auth", admin.auth(), "values",
				Map.of("login", login, "password", "a-password-of-" + login)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		long id = reply.json().path("values").path(0).path("id").asLong();
		List<JsonNode> rows = this.audit.about(id);
		assertThat(AuditReads.events(rows)).containsExactly("user.created");
		assertThat(rows.get(0).path("login").asString()).isEqualTo(login);
		assertThat(rows.get(0).path("company").asString()).isEqualTo(company);
		assertThat(rows.get(0).path("detail").asString())
			.isEqualTo("by " + admin.login() + " (" + admin.id() + "): role User, enabled");
	}

	@Test
	void roleCreateUpdateDeleteAreRecordedInTheRolesCompany() {
		String company = this.directory.newCompany();
		Instant since = Instant.now();
		String name = Directory.unique("Desk");
		long id = this.directory.asAdmin("create", "role",
				Map.of("values", Map.of("name", name, "company", company, "perms", Map.of("cdr", "company"))))
			.json().path("values").path(0).path("id").asLong();
		this.directory.asAdmin("update", "role", Map.of("scope", Map.of("id", id), "values",
				Map.of("name", name + "_2", "perms", Map.of("cdr", "yes"))));
		this.directory.asAdmin("delete", "role", Map.of("scope", Map.of("id", id)));

		String role = "role '" + name + "' (" + id + ")";
		assertThat(companyEvent("role.created", company, since).path("detail").asString())
			.endsWith("): " + role + ", perms {cdr=company}");
		assertThat(companyEvent("role.updated", company, since).path("detail").asString())
			.endsWith("): " + role + ", renamed to '" + name + "_2', perms {cdr=company} -> {cdr=yes}");
		JsonNode deleted = companyEvent("role.deleted", company, since);
		assertThat(deleted.path("detail").asString()).startsWith("by admin (").endsWith("): role '" + name + "_2' (" + id + ")");
		assertThat(deleted.path("contact_id").isNull()).isTrue();
		assertThat(deleted.path("login").isNull()).isTrue();
		assertThat(deleted.path("ip").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void companyCreateUpdateDeleteAreRecordedInThatCompany() {
		Instant since = Instant.now();
		String company = this.directory.newCompany();
		this.directory.asAdmin("update", "company", Map.of("scope", Map.of("company", company), "values",
				Map.of("name", "Renamed Co", "data", Map.of("feature", true))));
		this.directory.asAdmin("delete", "company", Map.of("scope", Map.of("company", company)));

		assertThat(companyEvent("company.created", company, since).path("detail").asString())
			.startsWith("by admin (").endsWith("): name 'Company " + company + "'");
		assertThat(companyEvent("company.updated", company, since).path("detail").asString())
			.endsWith("): name 'Company " + company + "' -> 'Renamed Co', feature toggles changed");
		JsonNode deleted = companyEvent("company.deleted", company, since);
		assertThat(deleted.path("detail").asString()).endsWith("): name 'Renamed Co'");
		assertThat(deleted.path("contact_id").isNull()).isTrue();
	}

	@Test
	void changesThatFailRecordNoEvent() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		String roleName = Directory.unique("Busy");
		long role = this.directory.asAdmin("create", "role", Map.of("values", Map.of("name", roleName, "company", company)))
			.json().path("values").path(0).path("id").asLong();
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("role", roleName)));

		Api.Reply duplicateLogin = this.api.post("/rest/ops/create/user", Map.of("auth", Directory.adminAuth(), "values",
				Map.of("login", user.login(), "password", "another-long-password", "company", company)));
		Api.Reply companyInUse = this.api.post("/rest/ops/delete/company",
				Map.of("auth", Directory.adminAuth(), "scope", Map.of("company", company)));
		Api.Reply roleInUse = this.api.post("/rest/ops/delete/role",
				Map.of("auth", Directory.adminAuth(), "scope", Map.of("id", role)));

		assertFailure(duplicateLogin, 409, "user.exists");
		assertFailure(companyInUse, 409, "company.in_use");
		assertFailure(roleInUse, 409, "role.in_use");
		assertThat(countOf("user.created", "login", user.login())).isOne();
		assertThat(countOf("company.deleted", "company", company)).isZero();
		assertThat(countOf("role.deleted", "company", company)).isZero();
		assertThat(countOf("company.created", "company", company)).isOne();
	}

	/** The one event of this name recorded for {@code company} since {@code since}, as the System-Admin reads it. */
	private JsonNode companyEvent(String event, String company, Instant since) {
		Map<String, Object> scope = new HashMap<>();
		scope.put("event", event);
		scope.put("since", since.minusSeconds(1).toString());
		List<JsonNode> rows = this.audit.asAdmin(scope)
			.stream()
			.filter((row) -> company.equals(row.path("company").asString()))
			.toList();
		assertThat(rows).as("%s in %s", event, company).hasSize(1);
		return rows.get(0);
	}

	private long countOf(String event, String column, String value) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE event = :event AND " + column + " = :value")
			.param("event", event)
			.param("value", value)
			.query(Long.class)
			.single();
	}

	private static void assertRow(JsonNode row, String event, TestUser user, Instant before) {
		assertThat(row.propertyNames()).containsExactly("time", "event", "contact_id", "login", "company", "ip", "detail");
		assertThat(row.path("event").asString()).isEqualTo(event);
		assertThat(row.path("contact_id").asLong()).isEqualTo(user.id());
		assertThat(row.path("login").asString()).isEqualTo(user.login());
		assertThat(row.path("company").asString()).isEqualTo(user.company());
		assertThat(row.path("ip").asString()).isEqualTo("127.0.0.1");
		assertThat(Instant.parse(row.path("time").asString())).isBetween(before.minusMillis(1), Instant.now());
	}
}
