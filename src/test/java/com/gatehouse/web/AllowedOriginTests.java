package com.gatehouse.web;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gatehouse.web.allowed-origins} set, pages of those origins may use the session cookie
 * and log in, and CORS answers them (their own origin, credentials allowed, never {@code *}); any
 * other origin is still refused and gets no CORS headers.
 */
@GatehouseTest
@TestPropertySource(properties = "gatehouse.web.allowed-origins=https://app.example.com,HTTP://Partner.Example:8443/")
class AllowedOriginTests {

	private static final String APP = "https://app.example.com";

	Api api;

	Directory directory;

	TestUser user;

	@BeforeEach
	void setUp() {
		this.user = this.directory.newUser(this.directory.newCompany(), "User");
	}

	@Test
	void cookieWhenOriginIsAllowedThenOkWithCorsHeadersNamingIt() {
		String session = this.directory.login(this.user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session, "Origin", APP);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).contains(APP);
		assertThat(reply.header("Access-Control-Allow-Credentials")).contains("true");
		assertThat(reply.header("Vary")).isPresent();
	}

	@Test
	void cookieWhenAllowedOriginIsWrittenDifferentlyThenStillAllowed() {
		String session = this.directory.login(this.user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session, "Origin", "http://partner.example:8443");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).contains("http://partner.example:8443");
	}

	@Test
	void passwordLoginWhenOriginIsAllowedThenSetsTheCookie() {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", this.user.auth()), "Origin", APP);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.sessionCookie()).isPresent();
		assertThat(reply.header("Access-Control-Allow-Origin")).contains(APP);
	}

	@Test
	void failureToAnAllowedOriginCarriesCorsHeadersSoItsPageCanReadIt() {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username",
				Directory.unique("nobody"), "password", "wrong")), "Origin", APP, "X-Forwarded-For", FakeAddress.unique());

		assertFailure(reply, 401, "auth.failed");
		assertThat(reply.header("Access-Control-Allow-Origin")).contains(APP);
	}

	@Test
	void preflightWhenOriginIsAllowedThenAnswersPostWithCredentials() {
		Api.Reply reply = this.api.send("OPTIONS", "/rest/ops/read/user", "", "Origin", APP,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).contains(APP);
		assertThat(reply.header("Access-Control-Allow-Credentials")).contains("true");
		assertThat(reply.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(reply.header("Access-Control-Allow-Headers").orElseThrow().toLowerCase(Locale.ROOT))
			.contains("authorization")
			.contains("content-type");
		assertThat(reply.header("Access-Control-Max-Age")).isPresent();
	}

	@Test
	void preflightWhenAllowedOriginAsksForAnotherMethodThen403() {
		Api.Reply reply = this.api.send("OPTIONS", "/rest/auth/", "", "Origin", APP, "Access-Control-Request-Method", "PUT");

		assertFailure(reply, 403, "request.cross_origin");
		assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void otherOriginIsStillRefusedAndGetsNoCorsHeaders() {
		String session = this.directory.login(this.user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session, "Origin", "https://app.example.com.evil.example");

		assertFailure(reply, 403, "request.cross_origin");
		assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void cookieWhenAllowedOriginButCrossSiteThen403() {
		String session = this.directory.login(this.user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), session, "Origin", APP, "Sec-Fetch-Site",
				"cross-site");

		assertFailure(reply, 403, "request.cross_origin");
	}
}
