package com.gatehouse.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.gateway.GatewayFixture.UPSTREAM;
import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an allowed call brings the upstream (issue 11 §1): the caller's identity and a verifiable
 * assertion, whatever the credential (key, password in the body, session), and neither the
 * credential nor a header the client made up; a path rule outside /rest/ as well.
 */
@GatewayTest
class GatewayForwardingTests extends GatewayCallTest {

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
}
