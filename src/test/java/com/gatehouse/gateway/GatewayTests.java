package com.gatehouse.gateway;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.gateway.GatewayFixture.UPSTREAM;
import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against a real upstream that records what it receives (issue 11 §1, §3): what
 * arrives (identity, a verifiable assertion, no credential, no spoofed header), the policy at both
 * grant levels and with restricted keys, streaming, and the failures of an upstream.
 */
@GatewayTest
class GatewayTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	Api api;

	Directory directory;

	@BeforeEach
	void setUp() {
		UPSTREAM.forget();
	}

	@Test
	void keyCallWhenAllowedThenUpstreamGetsIdentityAndVerifiableAssertionAndNeitherCredentialNorSpoofedHeaders()
			throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("cdr", "company"));
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/call/read/cdr?page=2", Map.of("scope", Map.of("minDate", 1)),
				keyHeader(key, "X-Gatehouse-User-Id", "1", "X-Gatehouse-Perms", "{\"admin\":\"yes\"}", "X-Forwarded-For",
						"203.0.113.7"));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.header("X-Upstream")).contains("yes");
		RecordingUpstream.Received received = UPSTREAM.next();
		assertThat(received.uri()).isEqualTo("/rest/call/read/cdr?page=2");
		assertThat(received.header("X-Gatehouse-User-Id")).isEqualTo(Long.toString(user.id()));
		assertThat(received.header("X-Gatehouse-Login")).isEqualTo(user.login());
		assertThat(received.header("X-Gatehouse-Company")).isEqualTo(company);
		assertThat(received.header("X-Gatehouse-Perms")).isEqualTo("{\"cdr\":\"company\"}");
		assertThat(received.header("X-Gatehouse-Credential")).isEqualTo("key");
		assertThat(received.header("Authorization")).isNull();
		// The test connects from loopback, a trusted proxy: the client it names is the one forwarded.
		assertThat(received.header("X-Forwarded-For")).isEqualTo("203.0.113.7");
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + this.port);
		assertThat(received.body()).doesNotContain(key);
		SignedJWT assertion = SignedJWT.parse(received.header("X-Gatehouse-Assertion"));
		JWKSet jwks = JWKSet.parse(this.api.get("/.well-known/jwks.json").body());
		ECKey publicKey = (ECKey) jwks.getKeyByKeyId(assertion.getHeader().getKeyID());
		assertThat(publicKey.isPrivate()).isFalse();
		assertThat(assertion.verify(new ECDSAVerifier(publicKey))).isTrue();
		Map<String, Object> claims = assertion.getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("sub", Long.toString(user.id()))
			.containsEntry("login", user.login())
			.containsEntry("company", company)
			.containsEntry("method", "POST")
			.containsEntry("path", "/rest/call/read/cdr")
			.containsKey("jti");
		assertThat(assertion.getJWTClaimsSet().getJSONObjectClaim("perms")).isEqualTo(Map.of("cdr", "company"));
		Instant issued = assertion.getJWTClaimsSet().getIssueTime().toInstant();
		assertThat(Duration.between(issued, assertion.getJWTClaimsSet().getExpirationTime().toInstant()))
			.isLessThanOrEqualTo(Duration.ofSeconds(60));
		assertThat(GatewayFixture.metrics(this.managementPort))
			.contains("gatehouse_gateway_requests_total{outcome=\"forwarded\",section=\"call\",type=\"cdr\",verb=\"read\"}");
	}

	@Test
	void passwordInBodyWhenNoContentTypeThenForwardedWithoutAuthAndNoSessionIsMade() throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("cdr", "company"));
		String body = Api.JSON.writeValueAsString(
				Map.of("type", "cdr", "scope", Map.of("minDate", 1700000000000L), "auth", user.auth()));

		Api.Reply reply = this.api.send("POST", "/rest/call/read", body, "X-No-Content-Type", "1");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.sessionSetCookie()).isEmpty();
		RecordingUpstream.Received received = UPSTREAM.next();
		assertThat(received.header("X-Gatehouse-Credential")).isEqualTo("password");
		assertThat(Api.JSON.readTree(received.body()).has("auth")).isFalse();
		assertThat(Api.JSON.readTree(received.body()).path("scope").path("minDate").asLong()).isEqualTo(1700000000000L);
		assertThat(received.body()).doesNotContain(user.password());
	}

	@Test
	void sessionCookieWhenForwardedThenOnlyOtherCookiesReachTheUpstream() throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("cdr", "company"));
		String session = this.directory.login(user);

		Api.Reply reply = this.api.post("/rest/call/read/cdr", Map.of(), "Cookie",
				"theme=dark; " + Api.COOKIE + "=" + session + "; lang=en");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		RecordingUpstream.Received received = UPSTREAM.next();
		assertThat(received.header("X-Gatehouse-Credential")).isEqualTo("session");
		assertThat(received.header("Cookie")).isEqualTo("theme=dark; lang=en");
	}

	@Test
	void companyGrantWhenScopeNamesAnotherCompanyThenDeniedAndAuditedAndNothingForwarded() {
		String company = this.directory.newCompany();
		String other = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("cdr", "company"));
		String key = this.directory.newKey(user.id());

		Api.Reply own = this.api.post("/rest/call/read/cdr", Map.of("scope", Map.of("company", company)), keyHeader(key));
		Api.Reply foreign = this.api.post("/rest/call/read/cdr", Map.of("scope", Map.of("company", other)), keyHeader(key));

		assertThat(own.status()).isEqualTo(200);
		assertFailure(foreign, 403, "permission.denied");
		Api.Reply audit = this.directory.asAdmin("read", "audit", Map.of("scope", Map.of("contact_id", user.id(), "event", "permission.denied")));
		assertThat(audit.body()).contains("permission.denied").contains("gateway.call.read.cdr");
		assertThat(GatewayFixture.metrics(this.managementPort))
			.contains("gatehouse_gateway_requests_total{outcome=\"denied\",section=\"call\",type=\"cdr\",verb=\"read\"}");
	}

	@Test
	void yesLevelRuleWhenCallerHoldsOnlyCompanyThenDeniedAndWithYesAllowedInAnyCompany() throws Exception {
		String company = this.directory.newCompany();
		String other = this.directory.newCompany();
		String companyOnly = this.directory.newKey(
				GatewayFixture.userWith(this.directory, company, Map.of("nightmode", "company")).id());
		String everywhere = this.directory.newKey(
				GatewayFixture.userWith(this.directory, company, Map.of("nightmode", "yes")).id());

		assertFailure(this.api.post("/rest/dialplan/readcal", Map.of("type", "nm"), keyHeader(companyOnly)), 403,
				"permission.denied");
		Api.Reply allowed = this.api.post("/rest/dialplan/createcal", Map.of("type", "nm", "scope", Map.of("company", other)),
				keyHeader(everywhere));

		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertThat(UPSTREAM.next().uri()).isEqualTo("/rest/dialplan/createcal");
	}

	@Test
	void readOnlyKeyWhenReadingThenForwardedAndWhenWritingThenDenied() throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("nightmode", "yes"));
		String key = GatewayFixture.key(this.directory, user.id(), "read");

		assertThat(this.api.post("/rest/dialplan/readcal/nm", Map.of(), keyHeader(key)).status()).isEqualTo(200);
		assertThat(UPSTREAM.next().uri()).isEqualTo("/rest/dialplan/readcal/nm");
		assertFailure(this.api.post("/rest/dialplan/createcal/nm", Map.of(), keyHeader(key)), 403, "permission.denied");
	}

	@Test
	void narrowedKeyWhenItsLimitLeavesOutThePermissionThenDenied() {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("nightmode", "yes", "cdr", "yes"));
		String key = GatewayFixture.key(this.directory, user.id(), Map.of("cdr", "company"));

		assertThat(this.api.post("/rest/call/read/cdr", Map.of(), keyHeader(key)).status()).isEqualTo(200);
		assertFailure(this.api.post("/rest/dialplan/readcal/nm", Map.of(), keyHeader(key)), 403, "permission.denied");
	}

	@Test
	void callWhenNoCredentialOrBadOrNoRuleMatchesThenRefusedAndNothingForwarded() throws Exception {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of("admin", "yes")).id());

		assertFailure(this.api.post("/rest/call/read/cdr", Map.of()), 401, "auth.required");
		assertFailure(this.api.post("/rest/call/read/cdr", Map.of(), keyHeader("ghk_not-a-real-key-at-all-000000000")), 401,
				"auth.failed");
		assertFailure(this.api.post("/rest/unlisted/read/thing", Map.of(), keyHeader(key)), 403, "permission.denied");
		assertFailure(this.api.post("/rest/call/read", Map.of("type", "other"), keyHeader(key)), 403, "permission.denied");
		assertFailure(this.api.post("/rest/call/read/cdr", Map.of("type", "nm"), keyHeader(key)), 400,
				"request.type_conflict");
		assertThat(UPSTREAM.next()).isNull();
	}

	@Test
	void pathRuleOutsideRestWhenKeyHoldsThePermissionThenForwardedAndWithoutCredentialThen401() throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("events", "company"));
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.get("/events/today?limit=5", keyHeader(key));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		RecordingUpstream.Received received = UPSTREAM.next();
		assertThat(received.method()).isEqualTo("GET");
		assertThat(received.uri()).isEqualTo("/events/today?limit=5");
		assertThat(received.header("X-Gatehouse-Login")).isEqualTo(user.login());
		assertThat(received.header("Authorization")).isNull();
		assertFailure(this.api.get("/events/today"), 401, "auth.required");
	}

	@Test
	void ownSectionsWhenPathIsUnknownThenStill404() {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of("admin", "yes")).id());

		assertThat(this.api.post("/rest/auth/nothing-here", Map.of(), keyHeader(key)).status()).isEqualTo(404);
		assertFailure(this.api.post("/rest/ops/read/no-such-type", Map.of(), keyHeader(key)), 404, "request.unknown_type");
	}

	@Test
	void upstreamAnswerWhenAnyStatusThenPassesThroughButHopByHopHeadersDoNot() throws Exception {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of()).id());

		Api.Reply reply = this.api.post("/rest/teapot/read/pot", Map.of(),
				keyHeader(key, "Proxy-Authorization", "Basic c2VjcmV0", "X-Client", "kept"));

		assertThat(reply.status()).isEqualTo(418);
		assertThat(reply.body()).isEqualTo("{\"result\":\"fail\",\"short\":\"and stout\"}");
		assertThat(reply.header("X-Upstream")).contains("teapot");
		assertThat(reply.header("Proxy-Authenticate")).isEmpty();
		RecordingUpstream.Received received = UPSTREAM.next();
		assertThat(received.header("Proxy-Authorization")).isNull();
		assertThat(received.header("X-Client")).isEqualTo("kept");
	}

	@Test
	void upstreamWhenUnreachableThen502AndWhenTooSlowThen504() {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of()).id());

		assertFailure(this.api.post("/rest/down/read/x", Map.of(), keyHeader(key)), 502, "upstream.unavailable");
		assertFailure(this.api.post("/rest/slow/read/x", Map.of(), keyHeader(key)), 504, "upstream.timeout");
		assertThat(GatewayFixture.metrics(this.managementPort)).contains("outcome=\"upstream_unavailable\",section=\"down\"")
			.contains("outcome=\"upstream_timeout\",section=\"slow\"");
	}

	@Test
	void downloadWhen50MegabytesThenStreamsBeforeTheUpstreamHasSentItAll() throws Exception {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of()).id());
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/rest/recording/download/recording"))
			.header("Authorization", "token auth=" + key)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();

		HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
		long total;
		try (InputStream body = response.body()) {
			// The upstream holds the rest until the client has half of the first megabyte (the other half
			// may sit in buffers on the way): a gateway that buffered the whole body would never get here.
			int half = RecordingUpstream.FIRST_CHUNK / 2;
			assertThat(body.readNBytes(half)).hasSize(half);
			UPSTREAM.releaseDownload();
			total = half + body.transferTo(java.io.OutputStream.nullOutputStream());
		}

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("audio/wav");
		assertThat(total).isEqualTo(RecordingUpstream.DOWNLOAD_BYTES);
	}
}
