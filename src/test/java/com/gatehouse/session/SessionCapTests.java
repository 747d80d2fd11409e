package com.gatehouse.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.SessionAssertions.assertAlive;
import static com.gatehouse.SessionAssertions.assertEnded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on sessions per user, at its default of 20 (logins cost the suite little, so the cap need
 * not be lowered in a context of its own): a login that would pass it ends the user's oldest sessions,
 * and only that user's.
 */
@GatehouseTest
class SessionCapTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionProperties sessions;

	Api api;

	Directory directory;

	@Test
	void loginsUpToTheCapKeepEverySession() {
		TestUser user = newUser();

		List<String> sessions = logins(user, cap());

		sessions.forEach((session) -> assertAlive(this.api, session));
	}

	@Test
	void loginBeyondTheCapEndsTheOldestSession() {
		TestUser user = newUser();
		List<String> sessions = logins(user, cap());
		String oldest = sessions.get(0);
		// Using the oldest session does not save it: the cap goes by age, not by use.
		assertAlive(this.api, oldest);

		String newest = this.directory.login(user);

		assertEnded(this.api, oldest);
		sessions.subList(1, cap()).forEach((session) -> assertAlive(this.api, session));
		assertAlive(this.api, newest);
		assertThat(this.api.postWithCookie("/rest/ops/read/session", Map.of(), newest).json().path("values")).hasSize(cap());
	}

	@Test
	void twoLoginsBeyondTheCapEndTheTwoOldestSessions() {
		TestUser user = newUser();
		List<String> sessions = logins(user, cap());

		this.directory.login(user);
		this.directory.login(user);

		assertEnded(this.api, sessions.get(0));
		assertEnded(this.api, sessions.get(1));
		assertAlive(this.api, sessions.get(2));
	}

	@Test
	void loginWithTheCookieOfAnOwnSessionReusesItAndEndsNone() {
		TestUser user = newUser();
		List<String> sessions = logins(user, cap());

		Api.Reply relogin = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), sessions.get(cap() - 1));

		assertThat(relogin.status()).isEqualTo(200);
		sessions.subList(0, cap() - 1).forEach((session) -> assertAlive(this.api, session));
		assertAlive(this.api, relogin.sessionCookie().orElseThrow());
	}

	@Test
	void theCapCountsEachUserOnItsOwn() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		String colleagues = this.directory.login(colleague);

		logins(user, cap() + 1);

		assertAlive(this.api, colleagues);
	}

	@Test
	void evictionLeavesAnAuditEventAboutTheUser() {
		TestUser user = newUser();
		logins(user, cap() + 1);

		List<String> details = this.jdbc
			.sql("SELECT detail FROM audit_events WHERE event = 'session.ended' AND contact_id = :id")
			.param("id", user.id())
			.query(String.class)
			.list();
		assertThat(details).singleElement()
			.asString()
			.contains("more than " + cap() + " sessions")
			.containsPattern("session " + user.id() + "\\.[0-9a-f]{32}");
	}

	private int cap() {
		return this.sessions.maxPerUser();
	}

	/** The session cookies of {@code count} logins of {@code user}, oldest first. */
	private List<String> logins(TestUser user, int count) {
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sessions.add(this.directory.login(user));
		}
		return sessions;
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
