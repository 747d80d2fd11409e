package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.auth.LoginCalls.assertGenericFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session behind the cookie (rest-api.md §3): a login whose cookie names a live session rotates it
 * (the old value stops working, the session belongs to whoever logged in), one whose cookie names no
 * live session gets a new id, never the one it sent; the session check with only the cookie answers
 * the user object of that same session, and fails without a live session or any credential.
 */
@GatehouseTest
class LoginSessionTests {

	Api api;

	Directory directory;

	LoginCalls calls;

	@Test
	void loginWhenCookieNamesLiveSessionThenRotatesCookieValue() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String old = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), old);

		assertThat(reply.status()).isEqualTo(200);
		String fresh = reply.sessionCookie().orElseThrow();
		assertThat(fresh).isNotEqualTo(old).matches("[A-Za-z0-9_-]{43,}");
		assertThat(reply.json().path("user").path("session").asString()).isEqualTo(fresh);
	}

	@Test
	void loginWhenCookieNamesLiveSessionThenOldValueStopsWorkingAndNewOneWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String old = this.directory.login(user);

		String fresh = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), old).sessionCookie().orElseThrow();

		assertGenericFailure(this.calls.whoAmI(old));
		Api.Reply check = this.calls.whoAmI(fresh);
		assertThat(check.status()).isEqualTo(200);
		assertThat(check.json().path("user").path("session").asString()).isEqualTo(fresh);
	}

	@Test
	void loginAsAnotherUserWithLiveCookieThenSessionBelongsToTheNewUser() {
		String company = this.directory.newCompany();
		TestUser first = this.directory.newUser(company, "User");
		TestUser second = this.directory.newUser(company, "Company-Admin");
		String old = this.directory.login(first);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of("auth", second.auth()), old);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(second.id());
		String fresh = reply.sessionCookie().orElseThrow();
		assertThat(fresh).isNotEqualTo(old);
		JsonNode who = this.calls.whoAmI(fresh).json().path("user");
		assertThat(who.path("id").asLong()).isEqualTo(second.id());
		assertThat(who.path("login").asString()).isEqualTo(second.login());
		assertThat(who.path("perms").path("admin").asString()).isEqualTo("company");
		assertGenericFailure(this.calls.whoAmI(old));
	}

	@Test
	void loginWhenCookieNamesNoLiveSessionThenIssuesNewDifferentSessionId() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String madeUp = "madeUpSessionIdOfEnoughLengthToLookReal_" + Directory.unique("x");

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), madeUp);

		assertThat(reply.status()).isEqualTo(200);
		String issued = reply.sessionCookie().orElseThrow();
		assertThat(issued).isNotEqualTo(madeUp).matches("[A-Za-z0-9_-]{43,}");
		assertThat(reply.json().path("user").path("session").asString()).isEqualTo(issued);
		assertThat(this.calls.whoAmI(issued).status()).isEqualTo(200);
		assertGenericFailure(this.calls.whoAmI(madeUp));
	}

	@Test
	void sessionCheckWithOnlyTheCookieAnswersTheUserObjectWithTheSameSessionAndSetsNoCookie() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "Company-Admin");
		String session = this.directory.login(user);

		Api.Reply reply = this.calls.whoAmI(session);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode json = reply.json().path("user");
		assertThat(json.propertyNames()).containsExactly("id", "login", "name", "company", "home", "companies", "session", "perms");
		assertThat(json.path("id").asLong()).isEqualTo(user.id());
		assertThat(json.path("login").asString()).isEqualTo(user.login());
		assertThat(json.path("company").asString()).isEqualTo(company);
		assertThat(json.path("home").asString()).isEqualTo(company);
		assertThat(json.path("session").asString()).isEqualTo(session);
		assertThat(json.path("perms").path("admin").asString()).isEqualTo("company");
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}

	@Test
	void sessionCheckWithCookieOfNoLiveSessionFailsWithAuthFailed() {
		Api.Reply reply = this.calls.whoAmI("no-such-session-" + Directory.unique("s"));

		assertGenericFailure(reply);
	}

	@Test
	void sessionCheckWithoutAnyCredentialsFailsWithAuthRequired() {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of());

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().propertyNames()).containsExactly("result", "message", "code");
		assertThat(reply.result()).isEqualTo("fail");
		assertThat(reply.code()).isEqualTo("auth.required");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}
}
