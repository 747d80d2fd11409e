package com.gatehouse.gateway;

import java.util.Map;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /forward-auth} as nginx, Traefik and Envoy call it (issue 11 §2): exactly 200 with the
 * identity headers, 401 or 403, with no body, on the same policy as the gateway.
 */
@GatewayTest
class ForwardAuthTests {

	@LocalManagementPort
	int managementPort;

	Api api;

	Directory directory;

	@Test
	void nginxHeadersWhenAllowedThen200WithIdentityAndAnAssertionForTheOriginalRequest() throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("cdr", "company"));
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.get("/forward-auth",
				keyHeader(key, "X-Original-URI", "/rest/call/read/cdr?page=1", "X-Original-Method", "POST"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEmpty();
		assertThat(reply.header("X-Gatehouse-User-Id")).contains(Long.toString(user.id()));
		assertThat(reply.header("X-Gatehouse-Login")).contains(user.login());
		assertThat(reply.header("X-Gatehouse-Company")).contains(company);
		assertThat(reply.header("X-Gatehouse-Perms")).contains("{\"cdr\":\"company\"}");
		assertThat(reply.header("X-Gatehouse-Credential")).contains("key");
		SignedJWT assertion = SignedJWT.parse(reply.header("X-Gatehouse-Assertion").orElseThrow());
		ECKey publicKey = (ECKey) JWKSet.parse(this.api.get("/.well-known/jwks.json").body())
			.getKeyByKeyId(assertion.getHeader().getKeyID());
		assertThat(assertion.verify(new ECDSAVerifier(publicKey))).isTrue();
		assertThat(assertion.getJWTClaimsSet().getStringClaim("path")).isEqualTo("/rest/call/read/cdr");
		assertThat(assertion.getJWTClaimsSet().getStringClaim("method")).isEqualTo("POST");
	}

	@Test
	void traefikAndEnvoyConventionsWhenAllowedThen200AndWhenNotPermittedThen403() {
		String company = this.directory.newCompany();
		String key = this.directory.newKey(GatewayFixture.userWith(this.directory, company, Map.of("cdr", "company")).id());

		Api.Reply traefik = this.api.get("/forward-auth",
				keyHeader(key, "X-Forwarded-Uri", "/rest/call/read/cdr", "X-Forwarded-Method", "POST"));
		Api.Reply envoy = this.api.send("POST", "/forward-auth/rest/call/read/cdr", "", keyHeader(key));
		Api.Reply envoyDenied = this.api.send("POST", "/forward-auth/rest/dialplan/readcal/nm", "", keyHeader(key));
		Api.Reply unlisted = this.api.get("/forward-auth", keyHeader(key, "X-Original-URI", "/elsewhere"));

		assertThat(traefik.status()).isEqualTo(200);
		assertThat(envoy.status()).isEqualTo(200);
		assertThat(envoy.header("X-Gatehouse-Login")).isPresent();
		assertThat(envoyDenied.status()).isEqualTo(403);
		assertThat(envoyDenied.header("X-Gatehouse-Login")).isEmpty();
		assertThat(unlisted.status()).isEqualTo(403);
		assertThat(GatewayFixture.metrics(this.managementPort))
			.contains("gatehouse_forward_auth_requests_total{outcome=\"allowed\",section=\"call\",type=\"cdr\",verb=\"read\"}");
	}

	@Test
	void credentialWhenMissingOrBadThen401AndCookieFromAForeignPageThen403() {
		TestUser user = GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of("cdr", "yes"));
		String session = this.directory.login(user);

		Api.Reply none = this.api.get("/forward-auth", "X-Original-URI", "/rest/call/read/cdr");
		Api.Reply bad = this.api.get("/forward-auth",
				keyHeader("ghk_not-a-real-key-at-all-000000000", "X-Original-URI", "/rest/call/read/cdr"));
		Api.Reply cookie = this.api.get("/forward-auth", "Cookie", Api.COOKIE + "=" + session, "X-Original-URI",
				"/rest/call/read/cdr", "X-Original-Method", "POST");
		Api.Reply foreign = this.api.get("/forward-auth", "Cookie", Api.COOKIE + "=" + session, "X-Original-URI",
				"/rest/call/read/cdr", "Origin", "https://evil.example");

		assertThat(none.status()).isEqualTo(401);
		assertThat(none.body()).isEmpty();
		assertThat(bad.status()).isEqualTo(401);
		assertThat(cookie.status()).isEqualTo(200);
		assertThat(cookie.header("X-Gatehouse-Credential")).contains("session");
		assertThat(foreign.status()).isEqualTo(403);
	}

	@Test
	void readOnlyKeyWhenAskedAboutAWriteThen403AndAboutAReadThen200() {
		TestUser user = GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of("nightmode", "yes"));
		String key = GatewayFixture.key(this.directory, user.id(), "read");

		assertThat(this.api.get("/forward-auth", keyHeader(key, "X-Original-URI", "/rest/dialplan/readcal/nm")).status())
			.isEqualTo(200);
		assertThat(this.api.get("/forward-auth", keyHeader(key, "X-Original-URI", "/rest/dialplan/createcal/nm")).status())
			.isEqualTo(403);
	}
}
