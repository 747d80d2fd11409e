package com.gatehouse.session;

import java.time.Instant;
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

/**
 * {@code type: "session"} read over HTTP: your own sessions, or those of a user you administer,
 * each named by a non-secret handle, never by its cookie value.
 */
@GatehouseTest
class SessionListTests {

	Api api;

	Directory directory;

	@Test
	void readWithoutScopeListsExactlyYourOwnSessionsAndMarksTheCurrentOne() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		this.directory.login(this.directory.newUser(company, "User"));
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		String third = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/read/session", Map.of(), second);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		List<JsonNode> rows = rows(reply);
		assertThat(rows).hasSize(3).allSatisfy((row) -> {
			assertThat(row.propertyNames()).containsExactly("id", "contact_id", "login", "created", "last_access", "ip",
					"user_agent", "current");
			assertThat(row.path("contact_id").asLong()).isEqualTo(user.id());
			assertThat(row.path("login").asString()).isEqualTo(user.login());
		});
		assertThat(rows).extracting((row) -> row.path("current").asBoolean()).containsExactly(false, true, false);
		assertThat(rows).extracting((row) -> row.path("id").asString()).doesNotHaveDuplicates();
		assertThat(reply.body()).doesNotContain(first).doesNotContain(second).doesNotContain(third);
	}

	@Test
	void readIdsAreHandlesThatAreNeverCookieValues() {
		TestUser user = newUser();
		List<String> cookies = List.of(this.directory.login(user), this.directory.login(user));

		Api.Reply reply = this.api.postWithCookie("/rest/ops/read/session", Map.of(), cookies.get(0));

		List<String> ids = rows(reply).stream().map((row) -> row.path("id").asString()).toList();
		assertThat(ids).hasSize(2).allSatisfy((id) -> {
			assertThat(id).matches(user.id() + "\\.[0-9a-f]{32}");
			assertThat(cookies).noneSatisfy((cookie) -> assertThat(cookie).contains(id.substring(id.indexOf('.') + 1)));
		});
		assertThat(cookies).noneSatisfy((cookie) -> assertThat(reply.body()).contains(cookie));
	}

	@Test
	void readAnswersNoCookieValueToAnAdminEither() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);

		Api.Reply reply = this.directory.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", user.id())));

		assertThat(rows(reply)).hasSize(2).allSatisfy((row) -> assertThat(row.path("current").asBoolean()).isFalse());
		assertThat(reply.body()).doesNotContain(first).doesNotContain(second);
	}

	@Test
	void readShowsTheLoginAddressAndUserAgentClippedTo200Characters() {
		TestUser user = newUser();
		String agent = "Agent/1.0 " + "x".repeat(300);
		Api.Reply login = this.api.post("/rest/auth/", Map.of("auth", user.auth()), "X-Forwarded-For", "203.0.113.77",
				"User-Agent", agent);
		String session = login.sessionCookie().orElseThrow();

		JsonNode row = rows(this.api.postWithCookie("/rest/ops/read/session", Map.of(), session)).get(0);

		assertThat(row.path("ip").asString()).isEqualTo("203.0.113.77");
		assertThat(row.path("user_agent").asString()).isEqualTo(agent.substring(0, 200));
	}

	@Test
	void readShowsCreationAndLastAccessTimes() {
		Instant before = Instant.now().minusSeconds(1);
		String session = this.directory.login(newUser());

		JsonNode row = rows(this.api.postWithCookie("/rest/ops/read/session", Map.of(), session)).get(0);

		Instant created = Instant.parse(row.path("created").asString());
		Instant lastAccess = Instant.parse(row.path("last_access").asString());
		assertThat(created).isAfter(before).isBeforeOrEqualTo(lastAccess);
		assertThat(lastAccess).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	void readWithAKeyListsTheKeyOwnersSessionsNoneOfThemCurrent() {
		TestUser user = newUser();
		this.directory.login(user);
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/ops/read/session", Map.of(), "Authorization", "token auth=" + key);

		assertThat(rows(reply)).hasSize(1).allSatisfy((row) -> {
			assertThat(row.path("contact_id").asLong()).isEqualTo(user.id());
			assertThat(row.path("current").asBoolean()).isFalse();
		});
	}

	@Test
	void readByIdAnswersThatSessionOnly() {
		TestUser user = newUser();
		this.directory.login(user);
		String session = this.directory.login(user);
		String id = currentId(session);

		List<JsonNode> rows = rows(this.api.postWithCookie("/rest/ops/read/session", Map.of("scope", Map.of("id", id)), session));

		assertThat(rows).extracting((row) -> row.path("id").asString()).containsExactly(id);
	}

	@Test
	void readWithColumnsAndOrderKeepsTheEnvelopeRules() {
		TestUser user = newUser();
		this.directory.login(user);
		String session = this.directory.login(user);

		List<JsonNode> rows = rows(this.api.postWithCookie("/rest/ops/read/session",
				Map.of("columns", List.of("id", "current"), "order", List.of("-created")), session));

		assertThat(rows).hasSize(2).allSatisfy((row) -> assertThat(row.propertyNames()).containsExactly("id", "current"));
		assertThat(rows).extracting((row) -> row.path("current").asBoolean()).containsExactly(true, false);
	}

	@Test
	void systemAdminReadsTheSessionsOfAnyUser() {
		TestUser user = newUser();
		this.directory.login(user);

		Api.Reply reply = this.directory.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", user.id())));

		assertThat(rows(reply)).extracting((row) -> row.path("contact_id").asLong()).containsExactly(user.id());
	}

	@Test
	void companyAdminReadsTheSessionsOfAUserOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser user = this.directory.newUser(company, "User");
		this.directory.login(user);

		Api.Reply reply = readAs(admin, Map.of("contact_id", user.id()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(rows(reply)).extracting((row) -> row.path("login").asString()).containsExactly(user.login());
	}

	@Test
	void companyAdminCannotReadTheSessionsOfAnotherCompanysUser() {
		TestUser admin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		TestUser stranger = newUser();
		this.directory.login(stranger);

		assertFailure(readAs(admin, Map.of("contact_id", stranger.id())), 404, "user.unknown");
	}

	@Test
	void companyAdminCannotReadTheSessionsOfASystemAdminOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser systemAdmin = this.directory.newUser(company, "System-Admin");
		this.directory.login(systemAdmin);

		assertFailure(readAs(admin, Map.of("contact_id", systemAdmin.id())), 403, "permission.denied");
	}

	@Test
	void userCannotReadTheSessionsOfAnotherUserOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		this.directory.login(colleague);

		assertFailure(readAs(user, Map.of("contact_id", colleague.id())), 404, "user.unknown");
	}

	@Test
	void readOfAnUnknownUserThenUserUnknown() {
		assertFailure(this.api.post("/rest/ops/read/session",
				Map.of("scope", Map.of("contact_id", Long.MAX_VALUE), "auth", Directory.adminAuth())), 404, "user.unknown");
	}

	@Test
	void readWithAMalformedIdThenRequestInvalid() {
		String session = this.directory.login(newUser());

		assertFailure(this.api.postWithCookie("/rest/ops/read/session", Map.of("scope", Map.of("id", session)), session), 400,
				"request.invalid");
		assertFailure(this.api.postWithCookie("/rest/ops/read/session",
				Map.of("scope", Map.of("id", "9".repeat(19) + "." + "0".repeat(32))), session), 400, "request.invalid");
	}

	@Test
	void createAndUpdateOfASessionThenUnknownVerb() {
		String session = this.directory.login(newUser());

		assertFailure(this.api.postWithCookie("/rest/ops/create/session", Map.of(), session), 404, "request.unknown_verb");
		assertFailure(this.api.postWithCookie("/rest/ops/update/session", Map.of(), session), 404, "request.unknown_verb");
	}

	@Test
	void loginBeyondTheDefaultCapOfTwentyEndsTheOldestSession() {
		TestUser user = newUser();
		String oldest = this.directory.login(user);
		for (int i = 0; i < 19; i++) {
			this.directory.login(user);
		}
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), oldest).status()).isEqualTo(200);

		String newest = this.directory.login(user);

		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), oldest), 401, "auth.failed");
		assertThat(rows(this.api.postWithCookie("/rest/ops/read/session", Map.of(), newest))).hasSize(20);
	}

	private String currentId(String session) {
		return rows(this.api.postWithCookie("/rest/ops/read/session", Map.of(), session)).stream()
			.filter((row) -> row.path("current").asBoolean())
			.map((row) -> row.path("id").asString())
			.findFirst()
			.orElseThrow();
	}

	private Api.Reply readAs(TestUser caller, Map<String, Object> scope) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", scope);
		body.put("auth", caller.auth());
		return this.api.post("/rest/ops/read/session", body);
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	private static List<JsonNode> rows(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode values = reply.json().path("values");
		assertThat(values.isArray()).isTrue();
		return values.valueStream().toList();
	}
}
