package com.gatehouse.session;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.SessionAssertions.assertAlive;
import static com.gatehouse.SessionAssertions.assertEnded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on sessions per user, set to 3 in a context of its own: a login that would pass it ends
 * the user's oldest sessions, and only that user's.
 */
@GatehouseTest
@TestPropertySource(properties = "gatehouse.session.max-per-user=3")
class SessionCapTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	@Test
	void loginsUpToTheCapKeepEverySession() {
		TestUser user = newUser();

		List<String> sessions = List.of(this.directory.login(user), this.directory.login(user), this.directory.login(user));

		sessions.forEach((session) -> assertAlive(this.api, session));
	}

	@Test
	void loginBeyondTheCapEndsTheOldestSession() {
		TestUser user = newUser();
		String oldest = this.directory.login(user);
		String second = this.directory.login(user);
		String third = this.directory.login(user);
		// Using the oldest session does not save it: the cap goes by age, not by use.
		assertAlive(this.api, oldest);

		String fourth = this.directory.login(user);

		assertEnded(this.api, oldest);
		List.of(second, third, fourth).forEach((session) -> assertAlive(this.api, session));
		assertThat(this.api.postWithCookie("/rest/ops/read/session", Map.of(), fourth).json().path("values")).hasSize(3);
	}

	@Test
	void twoLoginsBeyondTheCapEndTheTwoOldestSessions() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		String third = this.directory.login(user);

		this.directory.login(user);
		this.directory.login(user);

		assertEnded(this.api, first);
		assertEnded(this.api, second);
		assertAlive(this.api, third);
	}

	@Test
	void loginWithTheCookieOfAnOwnSessionReusesItAndEndsNone() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		String third = this.directory.login(user);

		Api.Reply relogin = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), third);

		assertThat(relogin.status()).isEqualTo(200);
		assertAlive(this.api, first);
		assertAlive(this.api, second);
		assertAlive(this.api, relogin.sessionCookie().orElseThrow());
	}

	@Test
	void theCapCountsEachUserOnItsOwn() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		String colleagues = this.directory.login(colleague);

		for (int i = 0; i < 4; i++) {
			this.directory.login(user);
		}

		assertAlive(this.api, colleagues);
	}

	@Test
	void evictionLeavesAnAuditEventAboutTheUser() {
		TestUser user = newUser();
		for (int i = 0; i < 4; i++) {
			this.directory.login(user);
		}

		List<String> details = this.jdbc
			.sql("SELECT detail FROM audit_events WHERE event = 'session.ended' AND contact_id = :id")
			.param("id", user.id())
			.query(String.class)
			.list();
		assertThat(details).singleElement().asString().contains("more than 3 sessions").containsPattern("session " + user.id() + "\\.[0-9a-f]{32}");
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
