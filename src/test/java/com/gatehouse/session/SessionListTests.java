package com.gatehouse.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.session.SessionListFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: "session"} read over HTTP, your own sessions: each named by a non-secret handle, never
 * by its cookie value (to an admin neither), with its times, address and user agent, the current one
 * marked; read with a session or a key, by id, with columns and order; and the cap of twenty sessions
 * a user keeps.
 */
@GatehouseTest
class SessionListTests {

	Api api;

	Directory directory;

	SessionListFixture fixture;

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
		TestUser user = this.fixture.newUser();
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
		TestUser user = this.fixture.newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);

		Api.Reply reply = this.directory.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", user.id())));

		assertThat(rows(reply)).hasSize(2).allSatisfy((row) -> assertThat(row.path("current").asBoolean()).isFalse());
		assertThat(reply.body()).doesNotContain(first).doesNotContain(second);
	}

	@Test
	void readShowsTheLoginAddressAndUserAgentClippedTo200Characters() {
		TestUser user = this.fixture.newUser();
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
		String session = this.directory.login(this.fixture.newUser());

		JsonNode row = rows(this.api.postWithCookie("/rest/ops/read/session", Map.of(), session)).get(0);

		Instant created = Instant.parse(row.path("created").asString());
		Instant lastAccess = Instant.parse(row.path("last_access").asString());
		assertThat(created).isAfter(before).isBeforeOrEqualTo(lastAccess);
		assertThat(lastAccess).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	void readWithAKeyListsTheKeyOwnersSessionsNoneOfThemCurrent() {
		TestUser user = this.fixture.newUser();
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
		TestUser user = this.fixture.newUser();
		this.directory.login(user);
		String session = this.directory.login(user);
		String id = currentId(session);

		List<JsonNode> rows = rows(this.api.postWithCookie("/rest/ops/read/session", Map.of("scope", Map.of("id", id)), session));

		assertThat(rows).extracting((row) -> row.path("id").asString()).containsExactly(id);
	}

	@Test
	void readWithColumnsAndOrderKeepsTheEnvelopeRules() {
		TestUser user = this.fixture.newUser();
		this.directory.login(user);
		String session = this.directory.login(user);

		List<JsonNode> rows = rows(this.api.postWithCookie("/rest/ops/read/session",
				Map.of("columns", List.of("id", "current"), "order", List.of("-created")), session));

		assertThat(rows).hasSize(2).allSatisfy((row) -> assertThat(row.propertyNames()).containsExactly("id", "current"));
		assertThat(rows).extracting((row) -> row.path("current").asBoolean()).containsExactly(true, false);
	}

	@Test
	void loginBeyondTheDefaultCapOfTwentyEndsTheOldestSession() {
		TestUser user = this.fixture.newUser();
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
}
