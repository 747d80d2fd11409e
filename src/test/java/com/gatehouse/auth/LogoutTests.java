package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /rest/auth/logout}: the cookie names the session to end (rest-api.md §3). */
@GatehouseTest
class LogoutTests {

	private static final Map<String, Object> LOGOUT = Map.of("auth", Map.of("type", "auth"));

	Api api;

	Directory directory;

	@ParameterizedTest
	@ValueSource(strings = { "/rest/auth/logout", "/rest/auth/logout/" })
	void logoutWithCookieSucceedsAndClearsTheCookie(String path) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie(path, LOGOUT, session);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json()).isEqualTo(Api.JSON.readTree("{\"result\":\"success\"}"));
		assertThat(reply.sessionSetCookie().orElseThrow()).contains("Max-Age=0").contains("Path=/");
		assertThat(reply.sessionCookie()).contains("");
	}

	@Test
	void logoutWithCookieEndsTheSession() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		this.api.postWithCookie("/rest/auth/logout", LOGOUT, session);

		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), session), 401, "auth.failed");
	}

	@Test
	void logoutEndsOnlyTheSessionTheCookieNames() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String ended = this.directory.login(user);
		String other = this.directory.login(user);

		this.api.postWithCookie("/rest/auth/logout", LOGOUT, ended);

		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), other).status()).isEqualTo(200);
	}

	@Test
	void logoutWithoutCookieFails() {
		Api.Reply reply = this.api.post("/rest/auth/logout", LOGOUT);

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void logoutWithCookieOfEndedSessionFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);
		this.api.postWithCookie("/rest/auth/logout", LOGOUT, session);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/logout", LOGOUT, session);

		assertFailure(reply, 401, "auth.failed");
	}

	@Test
	void logoutWithCookieOfNoSessionFails() {
		Api.Reply reply = this.api.postWithCookie("/rest/auth/logout", LOGOUT, "never-issued-" + Directory.unique("s"));

		assertFailure(reply, 401, "auth.failed");
	}

	@Test
	void logoutWithKeyInsteadOfCookieFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/auth/logout", LOGOUT, "Authorization", "token auth=" + key);

		assertFailure(reply, 401, "auth.session_required");
	}

}
