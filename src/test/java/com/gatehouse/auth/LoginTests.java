package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /rest/auth/}: login, session rotation, the session check and failed credentials (rest-api.md §3). */
@GatehouseTest
class LoginTests {

	private static final String GENERIC_FAILURE = "{\"result\":\"fail\",\"message\":\"Authentication failed\",\"code\":\"auth.failed\"}";

	Api api;

	Directory directory;

	@Test
	void loginWithPasswordAnswersTheDocumentedUserObjectAndSetsTheSessionCookie() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		var json = reply.json().path("user");
		assertThat(json.propertyNames()).containsExactly("id", "login", "name", "company", "home", "companies", "session", "perms");
		assertThat(json.path("id").isNumber()).isTrue();
		assertThat(json.path("id").asLong()).isEqualTo(user.id());
		assertThat(json.path("login").asString()).isEqualTo(user.login());
		assertThat(json.path("company").asString()).isEqualTo(company);
		assertThat(json.path("home").asString()).isEqualTo(company);
		assertThat(json.path("perms").path("admin").asString()).isEqualTo("company");
		String cookie = reply.sessionSetCookie().orElseThrow();
		assertThat(cookie).contains("Path=/").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		assertThat(reply.sessionCookie()).contains(json.path("session").asString());
		assertThat(json.path("session").asString()).hasSizeGreaterThanOrEqualTo(43);
	}

	@Test
	void loginWithoutTrailingSlashAnswersTheUserObjectAndSetsTheSessionCookie() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth", Map.of("auth", user.auth()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode json = reply.json().path("user");
		assertThat(json.propertyNames()).containsExactly("id", "login", "name", "company", "home", "companies", "session", "perms");
		assertThat(json.path("id").isNumber()).isTrue();
		assertThat(json.path("id").asLong()).isEqualTo(user.id());
		assertThat(json.path("name").asString()).isEqualTo("Name of " + user.login());
		assertThat(reply.sessionCookie()).contains(json.path("session").asString());
	}

	@Test
	void loginThroughTrustedProxyOverHttpsSetsSecureCookie() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()), "X-Forwarded-Proto", "https");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.sessionSetCookie().orElseThrow()).contains("Secure")
			.contains("Path=/")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
	}

	@Test
	void loginSessionIdIsAtLeast256BitsOfUrlSafeCharactersAndIsTheCookieValue() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()));

		String session = reply.json().path("user").path("session").asString();
		assertThat(session).matches("[A-Za-z0-9_-]{43,}");
		assertThat(reply.sessionCookie()).contains(session);
	}

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

		assertGenericFailure(whoAmI(old));
		Api.Reply check = whoAmI(fresh);
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
		JsonNode who = whoAmI(fresh).json().path("user");
		assertThat(who.path("id").asLong()).isEqualTo(second.id());
		assertThat(who.path("login").asString()).isEqualTo(second.login());
		assertThat(who.path("perms").path("admin").asString()).isEqualTo("company");
		assertGenericFailure(whoAmI(old));
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
		assertThat(whoAmI(issued).status()).isEqualTo(200);
		assertGenericFailure(whoAmI(madeUp));
	}

	@Test
	void sessionCheckWithOnlyTheCookieAnswersTheUserObjectWithTheSameSessionAndSetsNoCookie() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "Company-Admin");
		String session = this.directory.login(user);

		Api.Reply reply = whoAmI(session);

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
		Api.Reply reply = whoAmI("no-such-session-" + Directory.unique("s"));

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

	@Test
	void loginWithWrongPasswordFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = login(user.login(), user.password() + "-wrong");

		assertGenericFailure(reply);
	}

	@Test
	void loginWithUnknownLoginFailsWithTheGenericAnswer() {
		Api.Reply reply = login(Directory.unique("nobody"), "some-password-long-enough");

		assertGenericFailure(reply);
	}

	@Test
	void loginOfDisabledUserFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));

		Api.Reply reply = login(user.login(), user.password());

		assertGenericFailure(reply);
	}

	@Test
	void loginWithUsernameButNoPasswordFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login())));

		assertGenericFailure(reply);
	}

	@Test
	void loginWithPasswordButNoUsernameFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "password", user.password())));

		assertGenericFailure(reply);
	}

	@Test
	void loginWithKeyAnswersTheUserObjectWithoutSessionAndSetsNoCookie() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "Company-Admin");
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", key)));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode json = reply.json().path("user");
		assertThat(json.propertyNames()).containsExactly("id", "login", "name", "company", "home", "companies", "perms");
		assertThat(json.path("id").asLong()).isEqualTo(user.id());
		assertThat(json.path("company").asString()).isEqualTo(company);
		assertThat(json.path("perms").path("admin").asString()).isEqualTo("company");
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}

	@Test
	void loginWithKeyInAuthorizationHeaderAnswersTheUserObjectWithoutSessionAndSetsNoCookie() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);

		assertThat(reply.status()).isEqualTo(200);
		JsonNode json = reply.json().path("user");
		assertThat(json.propertyNames()).containsExactly("id", "login", "name", "company", "home", "companies", "perms");
		assertThat(json.path("id").asLong()).isEqualTo(user.id());
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}

	private Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}

	private Api.Reply login(String username, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", username, "password", password)));
	}

	private static void assertGenericFailure(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json()).isEqualTo(Api.JSON.readTree(GENERIC_FAILURE));
		assertThat(reply.sessionSetCookie()).isEmpty();
	}
}
