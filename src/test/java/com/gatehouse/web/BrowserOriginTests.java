package com.gatehouse.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential that a browser supplies by itself (the session cookie) or that sets it (a password
 * login) is refused with 403 from a page of a foreign origin or from another site; requests without
 * {@code Origin} (non-browser clients) and key-authenticated requests are not affected. No origin
 * is allowed besides the service's own here, so no answer carries CORS headers.
 */
@GatehouseTest
class BrowserOriginTests {

	private static final String FOREIGN = "https://evil.example";

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	TestUser user;

	@BeforeEach
	void setUp() {
		this.user = this.directory.newUser(this.directory.newCompany(), "User");
	}

	@Test
	void cookieWhenOriginIsForeignThen403() {
		String session = this.directory.login(this.user);

		Api.Reply reply = whoAmI(session, "Origin", FOREIGN);

		assertFailure(reply, 403, "request.cross_origin");
		assertNoCors(reply);
	}

	@Test
	void cookieWhenOriginIsTheServicesOwnThenOk() {
		String session = this.directory.login(this.user);

		assertThat(whoAmI(session, "Origin", "http://127.0.0.1:" + this.port).status()).isEqualTo(200);
	}

	@Test
	void cookieWhenOriginIsOursButAnotherPortThen403() {
		String session = this.directory.login(this.user);

		assertFailure(whoAmI(session, "Origin", "http://127.0.0.1:" + (this.port + 1)), 403, "request.cross_origin");
	}

	@Test
	void cookieWithoutOriginThenOk() {
		String session = this.directory.login(this.user);

		assertThat(whoAmI(session).status()).isEqualTo(200);
	}

	@Test
	void cookieWhenOpaqueNullOriginThen403() {
		String session = this.directory.login(this.user);

		assertFailure(whoAmI(session, "Origin", "null"), 403, "request.cross_origin");
	}

	@Test
	void cookieWhenSecFetchSiteIsCrossSiteThen403EvenWithoutOrigin() {
		String session = this.directory.login(this.user);

		assertFailure(whoAmI(session, "Sec-Fetch-Site", "cross-site"), 403, "request.cross_origin");
		assertThat(whoAmI(session, "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
	}

	@Test
	void cookieWhenForeignOriginOnOpsThen403() {
		String session = this.directory.login(this.user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/read/user", Map.of(), session, "Origin", FOREIGN);

		assertFailure(reply, 403, "request.cross_origin");
	}

	@Test
	void logoutWhenOriginIsForeignThen403AndTheSessionLives() {
		String session = this.directory.login(this.user);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/logout", Map.of("auth", Map.of("type", "auth")), session,
				"Origin", FOREIGN);

		assertFailure(reply, 403, "request.cross_origin");
		assertThat(whoAmI(session).status()).isEqualTo(200);
	}

	@Test
	void passwordLoginWhenOriginIsForeignThen403AndNoSession() {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", this.user.auth()), "Origin", FOREIGN);

		assertFailure(reply, 403, "request.cross_origin");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void passwordLoginWhenSecFetchSiteIsCrossSiteThen403() {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", this.user.auth()), "Sec-Fetch-Site", "cross-site");

		assertFailure(reply, 403, "request.cross_origin");
	}

	@Test
	void passwordLoginWhenOriginIsTheServicesOwnThenOk() {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", this.user.auth()), "Origin",
				"http://127.0.0.1:" + this.port);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.sessionCookie()).isPresent();
	}

	@Test
	void keyWhenOriginIsForeignThenOkWithoutCorsHeaders() {
		String key = this.directory.newKey(this.user.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key, "Origin", FOREIGN,
				"Sec-Fetch-Site", "cross-site");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(this.user.id());
		assertNoCors(reply);
	}

	@Test
	void preflightWhenOriginIsNotAllowedThen403WithoutCorsHeaders() {
		Api.Reply reply = this.api.send("OPTIONS", "/rest/auth/", "", "Origin", FOREIGN, "Access-Control-Request-Method",
				"POST");

		assertFailure(reply, 403, "request.cross_origin");
		assertNoCors(reply);
	}

	@Test
	void optionsThatIsNoPreflightIsTheWrongMethod() {
		assertFailure(this.api.send("OPTIONS", "/rest/ops/read/user", ""), 405, "request.method");
	}

	@Test
	void headIsTheWrongMethod() {
		Api.Reply reply = this.api.send("HEAD", "/rest/auth/", "");

		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
	}

	private Api.Reply whoAmI(String session, String... headers) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session, headers);
	}

	private static void assertNoCors(Api.Reply reply) {
		assertThat(reply.headers().keySet()).noneMatch((name) -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
	}
}
