package com.gatehouse.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.SessionAssertions.assertAlive;
import static com.gatehouse.SessionAssertions.assertEnded;
import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: "session"} delete over HTTP: one session by its handle, or every session of a user;
 * the ended cookie fails at its next call, and each end is audited. The audit trail is read from
 * the store, as it has no read call of its own yet.
 */
@GatehouseTest
class SessionEndTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	@Test
	void deleteByIdEndsThatSessionAtOnceAndNoOther() {
		TestUser user = newUser();
		String ended = this.directory.login(user);
		String kept = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("id", idOf(ended))), kept);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json()).isEqualTo(Api.JSON.readTree("{\"result\":\"success\"}"));
		assertEnded(this.api, ended);
		assertAlive(this.api, kept);
		assertThat(ids(kept)).hasSize(1);
	}

	@Test
	void deleteByIdOfTheCurrentSessionEndsIt() {
		String session = this.directory.login(newUser());

		Api.Reply reply = this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("id", idOf(session))),
				session);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertEnded(this.api, session);
	}

	@Test
	void deleteByContactIdEndsEverySessionOfThatUserOnly() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		String other = this.directory.login(colleague);

		this.directory.asAdmin("delete", "session", Map.of("scope", Map.of("contact_id", user.id())));

		assertEnded(this.api, first);
		assertEnded(this.api, second);
		assertAlive(this.api, other);
		assertThat(this.directory.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", user.id())))
			.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void deleteOfYourOwnSessionsByContactIdEndsAllOfThemTheCurrentOneToo() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String current = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("contact_id", user.id())),
				current);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertEnded(this.api, first);
		assertEnded(this.api, current);
	}

	@Test
	void deleteWithAKeyEndsTheKeyOwnersSessionButTheKeyStillWorks() {
		TestUser user = newUser();
		String session = this.directory.login(user);
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/ops/delete/session", Map.of("scope", Map.of("contact_id", user.id())),
				"Authorization", "token auth=" + key);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertEnded(this.api, session);
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
	}

	@Test
	void companyAdminEndsASessionOfAUserOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser user = this.directory.newUser(company, "User");
		String ended = this.directory.login(user);
		String kept = this.directory.login(user);

		Api.Reply reply = deleteAs(admin, Map.of("id", idOf(ended)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertEnded(this.api, ended);
		assertAlive(this.api, kept);
	}

	@Test
	void companyAdminCannotEndTheSessionsOfAnotherCompanysUser() {
		TestUser admin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		TestUser stranger = newUser();
		String session = this.directory.login(stranger);

		assertFailure(deleteAs(admin, Map.of("contact_id", stranger.id())), 404, "user.unknown");
		assertFailure(deleteAs(admin, Map.of("id", idOf(session))), 404, "user.unknown");
		assertAlive(this.api, session);
	}

	@Test
	void companyAdminCannotEndTheSessionsOfASystemAdminOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser systemAdmin = this.directory.newUser(company, "System-Admin");
		String session = this.directory.login(systemAdmin);

		assertFailure(deleteAs(admin, Map.of("contact_id", systemAdmin.id())), 403, "permission.denied");
		assertFailure(deleteAs(admin, Map.of("id", idOf(session))), 403, "permission.denied");
		assertAlive(this.api, session);
	}

	@Test
	void userCannotEndTheSessionsOfAnotherUser() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		String session = this.directory.login(colleague);

		assertFailure(deleteAs(user, Map.of("contact_id", colleague.id())), 404, "user.unknown");
		assertFailure(deleteAs(user, Map.of("id", idOf(session))), 404, "user.unknown");
		assertAlive(this.api, session);
	}

	@Test
	void deleteOfAnUnknownOrEndedSessionThenEndsNothing() {
		TestUser user = newUser();
		String ended = this.directory.login(user);
		String current = this.directory.login(user);
		String id = idOf(ended);
		this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("id", id)), current);

		assertThat(this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("id", id)), current).result())
			.isEqualTo("success");
		assertThat(this.api.postWithCookie("/rest/ops/delete/session",
				Map.of("scope", Map.of("id", user.id() + "." + "0".repeat(32))), current).result()).isEqualTo("success");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), current).status()).isEqualTo(200);
	}

	@Test
	void deleteWhoseIdAndContactIdNameDifferentUsersThenSessionUnknown() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.post("/rest/ops/delete/session",
				Map.of("scope", Map.of("id", idOf(session), "contact_id", colleague.id()), "auth", Directory.adminAuth()));

		assertFailure(reply, 404, "session.unknown");
		assertAlive(this.api, session);
	}

	@Test
	void deleteWithoutScopeThenScopeRequired() {
		String session = this.directory.login(newUser());

		assertFailure(this.api.postWithCookie("/rest/ops/delete/session", Map.of(), session), 400, "request.scope_required");
		assertAlive(this.api, session);
	}

	@Test
	void endingASessionLeavesAnAuditEventAboutItsOwnerNamingWhoAndWhich() {
		TestUser user = newUser();
		String session = this.directory.login(user);
		String id = idOf(session);

		this.directory.asAdmin("delete", "session", Map.of("scope", Map.of("id", id)));

		List<Map<String, Object>> events = this.jdbc
			.sql("SELECT contact_id, login, company, detail FROM audit_events WHERE event = 'session.ended' AND contact_id = :id")
			.param("id", user.id())
			.query()
			.listOfRows();
		assertThat(events).hasSize(1);
		Map<String, Object> event = events.get(0);
		assertThat(event.get("login")).isEqualTo(user.login());
		assertThat(event.get("company")).isEqualTo(user.company());
		assertThat((String) event.get("detail")).contains("by " + Directory.ADMIN_LOGIN).contains(id).doesNotContain(session);
	}

	/** The handle of {@code session}: the row its own read marks as current. */
	private String idOf(String session) {
		List<String> ids = this.api.postWithCookie("/rest/ops/read/session", Map.of(), session).json().path("values").valueStream()
			.filter((row) -> row.path("current").asBoolean())
			.map((row) -> row.path("id").asString())
			.toList();
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private List<String> ids(String session) {
		return this.api.postWithCookie("/rest/ops/read/session", Map.of(), session).json().path("values").valueStream()
			.map((row) -> row.path("id").asString())
			.toList();
	}

	private Api.Reply deleteAs(TestUser caller, Map<String, Object> scope) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", scope);
		body.put("auth", caller.auth());
		return this.api.post("/rest/ops/delete/session", body);
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
