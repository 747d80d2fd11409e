package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /rest/auth/} that succeeds (rest-api.md §3): the documented user object, with the session
 * it made and the session cookie for a password login (its attributes, its size, {@code Secure} behind
 * a trusted HTTPS proxy), without either for an Auth Key in the body or the Authorization header.
 */
@GatehouseTest
class LoginTests {

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
}
