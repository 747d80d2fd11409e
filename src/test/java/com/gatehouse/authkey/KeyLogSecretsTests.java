package com.gatehouse.authkey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.DebugLogging;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With everything of ours and of Spring Security logging at DEBUG, the key lifecycle never prints a
 * key: not when one is issued, rotated, used narrowed, refused or reported leaked.
 */
@GatehouseTest
@ExtendWith({ OutputCaptureExtension.class, DebugLogging.class })
class KeyLogSecretsTests {

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void keyIssuedRotatedUsedRefusedAndReportedIsNeverLogged(CapturedOutput output) {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		JsonNode created = KeyCalls.row(this.keys.as(owner.auth(), "create", Map.of("values",
				Map.of("contact_id", owner.id(), "restrict", "read"))));
		String issued = created.path("token").asString();
		String rotated = KeyCalls.row(this.keys.as(owner.auth(), "update", Map.of("scope",
				Map.of("id", created.path("id").asLong()), "values", Map.of("rotate", true)))).path("token").asString();
		String chosen = Directory.unique("chosen-key-long-enough-for-it").replace('_', '-');
		this.keys.as(owner.auth(), "create", Map.of("values", Map.of("contact_id", owner.id(), "token", chosen)));

		Api.Reply refusedWrite = this.keys.withKey(rotated, "create", "authinfo", Map.of("values",
				Map.of("contact_id", owner.id())));
		Api.Reply rotatedOut = this.keys.whoAmI(issued);
		Api.Reply reported = this.api.post("/rest/auth/revoke", Map.of("keys", List.of(rotated, chosen)), "Authorization",
				"token auth=" + chosen, "X-Forwarded-For", FakeAddress.unique());

		assertThat(refusedWrite.status()).isEqualTo(403);
		assertThat(rotatedOut.status()).isEqualTo(401);
		assertThat(reported.status()).isEqualTo(200);
		assertThat(output.getAll()).contains(" DEBUG ", "reason=read-only credential")
			.doesNotContain(issued, rotated, chosen, issued.substring(4, 30), rotated.substring(4, 30));
	}
}
