package com.gatehouse.gateway;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.gateway.GatewayFixture.UPSTREAM;
import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's policy (issue 11 §3): both grant levels, read-only and narrowed keys, calls
 * without a credential or a rule, each refused before anything reaches the upstream; Gatehouse's
 * own sections keep their own answers.
 */
@GatewayTest
class GatewayPolicyTests extends GatewayCallTest {

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
	void ownSectionsWhenPathIsUnknownThenStill404() {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of("admin", "yes")).id());

		assertThat(this.api.post("/rest/auth/nothing-here", Map.of(), keyHeader(key)).status()).isEqualTo(404);
		assertFailure(this.api.post("/rest/ops/read/no-such-type", Map.of(), keyHeader(key)), 404, "request.unknown_type");
	}
}
