package com.gatehouse.user;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.Race;
import com.gatehouse.TestDatabase;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant "at least one enabled System-Admin" over HTTP (issue 12 item 3), on a store of its
 * own (a fresh H2, or a fresh PostgreSQL database in the suite's PostgreSQL run) where the bootstrap
 * admin starts as the only System-Admin. Each test makes another user the sole one where it needs
 * to, and gives the bootstrap admin its place back before it ends.
 */
class LastSystemAdminTests {

	private static final String LAST = "user.last_system_admin";

	private static @Nullable TestDatabase database;

	private static ConfigurableApplicationContext app;

	private static Api api;

	private static Directory directory;

	private static long adminId;

	@BeforeAll
	static void start() {
		String url;
		if ("postgres".equals(System.getProperty("gatehouse.test.store"))) {
			database = TestDatabase.create("gatehouse_last_admin");
			url = database.url();
		}
		else {
			url = "jdbc:h2:mem:last_admin_" + UUID.randomUUID().toString().replace("-", "")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}
		app = new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--spring.datasource.url=" + url, "--server.port=0");
		api = new Api(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		directory = new Directory(api);
		adminId = directory.adminId();
	}

	@AfterAll
	static void stop() {
		app.close();
		if (database != null) {
			database.close();
		}
	}

	@Test
	void lastSystemAdminDisablingItselfThenConflictAndItStillLogsIn() {
		Api.Reply reply = update(Directory.adminAuth(), adminId,
				Map.of("enabled", false, "current_password", Directory.ADMIN_PASSWORD));

		assertFailure(reply, 409, LAST);
		assertThat(reply.json().path("message").asString()).contains("no enabled System-Admin");
		assertThat(api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).status()).isEqualTo(200);
	}

	@Test
	void lastSystemAdminGivingItselfAnotherRoleThenConflictAndItKeepsItsRole() {
		assertFailure(update(Directory.adminAuth(), adminId, Map.of("role", "Company-Admin")), 409, LAST);

		assertThat(read(Directory.adminAuth(), "user", adminId).path("role").asString()).isEqualTo("System-Admin");
	}

	@Test
	void lastSystemAdminNarrowingItsOwnRoleThenConflictAndTheRoleStays() {
		String company = directory.newCompany();
		long role = newRole(null, Map.of("admin", "yes"));
		TestUser sole = soleAdmin(company, role);
		try {
			assertFailure(call(sole.auth(), "update", "role",
					Map.of("scope", Map.of("id", role), "values", Map.of("perms", Map.of("admin", "company")))), 409, LAST);

			assertThat(read(sole.auth(), "role", role).path("perms").path("admin").asString()).isEqualTo("yes");
		}
		finally {
			giveBack(sole);
		}
	}

	@Test
	void lastSystemAdminMovedToACompanyWhereItsRoleNameGrantsLessThenConflict() {
		String home = directory.newCompany();
		String other = directory.newCompany();
		long role = newRole(home, Map.of("admin", "yes"));
		String name = roleName(role);
		directory.asAdmin("create", "role", Map.of("values", Map.of("name", name, "company", other, "perms",
				Map.of("admin", "company"))));
		TestUser sole = soleAdmin(home, role);
		try {
			assertFailure(update(sole.auth(), sole.id(), Map.of("company", other)), 409, LAST);

			assertThat(read(sole.auth(), "user", sole.id()).path("company").asString()).isEqualTo(home);
		}
		finally {
			giveBack(sole);
		}
	}

	@RepeatedTest(3)
	void twoSystemAdminsDisablingEachOtherAtOnceThenExactlyOneSucceeds() {
		String company = directory.newCompany();
		TestUser first = directory.newUser(company, "System-Admin");
		TestUser second = directory.newUser(company, "System-Admin");
		assertThat(update(first.auth(), adminId, Map.of("enabled", false)).status()).isEqualTo(200);

		List<Api.Reply> replies = Race.run(List.of(() -> update(first.auth(), second.id(), Map.of("enabled", false)),
				() -> update(second.auth(), first.id(), Map.of("enabled", false))));

		assertThat(replies).filteredOn((reply) -> reply.status() == 200).as("%s", replies).hasSize(1);
		Api.Reply refused = replies.stream().filter((reply) -> reply.status() != 200).findFirst().orElseThrow();
		// The loser is refused by the invariant, or, when it signs in after the winner's change, as a disabled user.
		assertThat(refused.code()).as("%s", refused).isIn(LAST, "auth.failed");
		TestUser survivor = (replies.get(0).status() == 200) ? first : second;
		assertThat(update(survivor.auth(), adminId, Map.of("enabled", true)).status()).isEqualTo(200);
		directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", first.id())));
		directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", second.id())));
	}

	/** A new user of {@code company} holding {@code role}, left the only enabled System-Admin. */
	private static TestUser soleAdmin(String company, long role) {
		String login = Directory.unique("sole");
		String password = "pw-" + login + "-secret";
		long id = directory.asAdmin("create", "user", Map.of("values",
				Map.of("login", login, "password", password, "company", company, "role", roleName(role))))
			.json().path("values").path(0).path("id").asLong();
		TestUser sole = new TestUser(id, login, password, company);
		assertThat(update(sole.auth(), adminId, Map.of("enabled", false)).status()).isEqualTo(200);
		return sole;
	}

	/** The bootstrap admin enabled again by {@code sole}, which it then deletes. */
	private static void giveBack(TestUser sole) {
		assertThat(update(sole.auth(), adminId, Map.of("enabled", true)).status()).isEqualTo(200);
		directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", sole.id())));
	}

	private static long newRole(@Nullable String company, Map<String, String> perms) {
		Map<String, Object> values = new HashMap<>(Map.of("name", Directory.unique("Root"), "perms", perms));
		if (company != null) {
			values.put("company", company);
		}
		return directory.asAdmin("create", "role", Map.of("values", values)).json().path("values").path(0).path("id").asLong();
	}

	private static String roleName(long role) {
		return read(Directory.adminAuth(), "role", role).path("name").asString();
	}

	private static JsonNode read(Map<String, Object> auth, String type, long id) {
		Api.Reply reply = call(auth, "read", type, Map.of("scope", Map.of("id", id)));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0);
	}

	private static Api.Reply update(Map<String, Object> auth, long user, Map<String, Object> values) {
		return call(auth, "update", "user", Map.of("scope", Map.of("id", user), "values", values));
	}

	private static Api.Reply call(Map<String, Object> auth, String verb, String type, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return api.post("/rest/ops/" + verb + "/" + type, withAuth);
	}
}
