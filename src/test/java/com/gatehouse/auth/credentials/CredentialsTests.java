package com.gatehouse.auth.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which credential a call is judged on (rest-api.md §3): an explicit credential decides and never
 * falls back to the cookie, and the forms of the {@code Authorization: token auth=<key>} header.
 */
@GatehouseTest
class CredentialsTests {

	private static final String GENERIC_FAILURE = "{\"result\":\"fail\",\"message\":\"Authentication failed\",\"code\":\"auth.failed\"}";

	Api api;

	Directory directory;

	@Test
	void badKeyHeaderWithGoodCookieFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session, "Authorization",
				"token auth=ghk_not_a_key_anyone_was_ever_given_0123456789");

		assertGenericFailure(reply);
	}

	@Test
	void badKeyInBodyWithGoodCookieFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "key", "ghk_not_a_key_anyone_was_ever_given_0123456789")), session);

		assertGenericFailure(reply);
	}

	@Test
	void badPasswordWithGoodCookieFailsAndTheSessionStillWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", "wrong-password-here")), session);

		assertGenericFailure(reply);
		Api.Reply check = whoAmI(session);
		assertThat(check.status()).isEqualTo(200);
		assertThat(check.json().path("user").path("session").asString()).isEqualTo(session);
	}

	@Test
	void goodKeyWithCookieOfAnotherUserActsAsTheKeyOwner() {
		String company = this.directory.newCompany();
		TestUser keyOwner = this.directory.newUser(company, "Company-Admin");
		TestUser cookieOwner = this.directory.newUser(company, "User");
		String key = this.directory.newKey(keyOwner.id());
		String session = this.directory.login(cookieOwner);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session, "Authorization", "token auth=" + key);

		assertThat(reply.status()).isEqualTo(200);
		JsonNode user = reply.json().path("user");
		assertThat(user.path("id").asLong()).isEqualTo(keyOwner.id());
		assertThat(user.has("session")).isFalse();
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}

	@Test
	void inlinePasswordOnAnotherCallAuthenticatesThatCallAndCreatesNoSession() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");

		Api.Reply reply = this.api.post("/rest/ops/read/user",
				Map.of("scope", Map.of("id", user.id()), "auth", Directory.adminAuth()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").path(0).path("login").asString()).isEqualTo(user.login());
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}

	@Test
	void cookieOnAnotherCallAuthenticatesThatCallWithoutChangingTheSession() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "Company-Admin");
		String session = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/read/user", Map.of("scope", Map.of("id", user.id())), session);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("login").asString()).isEqualTo(user.login());
		assertThat(reply.header("Set-Cookie")).isEmpty();
		assertThat(whoAmI(session).json().path("user").path("session").asString()).isEqualTo(session);
	}

	@Test
	void keyInBodyWithAuthTypeOtherThanAuthFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "api", "key", key)));

		assertGenericFailure(reply);
	}

	@ParameterizedTest
	@ValueSource(strings = { "token auth=KEY", "Token AUTH=KEY", "TOKEN Auth=KEY", "token auth=\"KEY\"",
			"token auth = KEY", "token auth= \"KEY\"", "token auth =KEY" })
	void authorizationHeaderFormAuthenticatesAsTheKeyOwner(String form) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of(), "Authorization", form.replace("KEY", key));

		assertThat(reply.status()).as("%s: %s", form, reply).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(user.id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer KEY", "Basic BASIC", "token", "token auth=", "token key=KEY", "KEY",
			"token auth=KEY extra", "token auth=\"KEY" })
	void authorizationHeaderInAnyOtherFormFailsWithTheGenericAnswer(String form) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		String basic = Base64.getEncoder().encodeToString((user.login() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));

		Api.Reply reply = this.api.post("/rest/auth/", Map.of(), "Authorization",
				form.replace("BASIC", basic).replace("KEY", key));

		assertGenericFailure(reply);
	}

	@Test
	void twoAuthorizationHeadersFailWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key, "Authorization",
				"token auth=" + key);

		assertGenericFailure(reply);
	}

	private Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}

	private static void assertGenericFailure(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json()).isEqualTo(Api.JSON.readTree(GENERIC_FAILURE));
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}
}
