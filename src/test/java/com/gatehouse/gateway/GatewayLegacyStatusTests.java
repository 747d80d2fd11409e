package com.gatehouse.gateway;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;

import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code legacy status} on, the gateway's own failures answer 200 with {@code result: fail} as
 * every other failure does, an upstream's answer keeps its status, and forward-auth still answers
 * its exact 401 and 403 (a proxy would take a 200 for "allowed").
 */
@GatewayTest
@TestPropertySource(properties = "gatehouse.rest.legacy-status=true")
class GatewayLegacyStatusTests {

	Api api;

	Directory directory;

	@Test
	void gatewayFailuresWhenLegacyStatusThen200WithFailButUpstreamStatusesAndForwardAuthStatusesUnchanged() {
		String company = this.directory.newCompany();
		String key = this.directory.newKey(GatewayFixture.userWith(this.directory, company, Map.of()).id());

		Api.Reply denied = this.api.post("/rest/call/read/cdr", Map.of(), keyHeader(key));
		Api.Reply anonymous = this.api.post("/rest/call/read/cdr", Map.of());
		Api.Reply unavailable = this.api.post("/rest/down/read/x", Map.of(), keyHeader(key));
		Api.Reply teapot = this.api.post("/rest/teapot/read/pot", Map.of(), keyHeader(key));

		assertThat(denied.status()).isEqualTo(200);
		assertThat(denied.code()).isEqualTo("permission.denied");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.code()).isEqualTo("auth.required");
		assertThat(unavailable.status()).isEqualTo(200);
		assertThat(unavailable.code()).isEqualTo("upstream.unavailable");
		assertThat(teapot.status()).isEqualTo(418);
		assertThat(this.api.get("/forward-auth", "X-Original-URI", "/rest/call/read/cdr").status()).isEqualTo(401);
		assertThat(this.api.get("/forward-auth", keyHeader(key, "X-Original-URI", "/rest/call/read/cdr")).status())
			.isEqualTo(403);
	}
}
