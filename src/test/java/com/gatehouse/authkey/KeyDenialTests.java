package com.gatehouse.authkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 §6: the refusals of a read-only key and of a narrowed key are denials like every other,
 * so a client sees each one in the audit trail ({@code permission.denied}, about the key's owner,
 * naming the action) and in the denial counter of {@code /actuator/prometheus}.
 */
@GatehouseTest
@TestPropertySource(properties = "management.server.port=0") // prometheus answers only there
class KeyDenialTests {

	private static final Pattern DENIALS = Pattern.compile("(?m)^gatehouse_permission_denials_total(?:\\{[^}]*})? (\\S+)$");

	@LocalManagementPort
	int managementPort;

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void readOnlyKeyWhenWritingThenTheDenialIsAuditedAndCounted() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		TestUser colleague = this.directory.newUser(company, "User");
		String key = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "restrict", "read")).path("token").asString();
		double before = denials();

		assertFailure(this.keys.withKey(key, "update", "user", Map.of("scope", Map.of("id", colleague.id()), "values",
				Map.of("name", "Renamed"))), 403, "permission.denied");
		assertFailure(this.keys.withKey(key, "delete", "no-such-type", Map.of()), 403, "permission.denied");

		assertThat(denials() - before).isEqualTo(2.0);
		assertThat(deniedActions(owner)).containsExactly("ops.delete", "ops.update");
	}

	@Test
	void narrowedKeyWhenMintingOrTakingOverAWiderKeyThenTheDenialIsAuditedAndCounted() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		String narrowed = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "restrict", Map.of("admin", "company")))
			.path("token").asString();
		long wide = this.keys.createAsAdmin(Map.of("contact_id", owner.id())).path("id").asLong();
		double before = denials();

		assertFailure(this.keys.withKey(narrowed, "create", "authinfo", Map.of("values", Map.of("contact_id", owner.id()))),
				403, "permission.denied");
		assertFailure(this.keys.withKey(narrowed, "update", "authinfo", Map.of("scope", Map.of("id", wide), "values",
				Map.of("rotate", true))), 403, "permission.denied");

		assertThat(denials() - before).isEqualTo(2.0);
		assertThat(deniedActions(owner)).containsExactly("authinfo.update", "authinfo.create");
	}

	/** The actions of the {@code permission.denied} events about {@code user}, newest first. */
	private List<String> deniedActions(TestUser user) {
		Api.Reply reply = this.directory.asAdmin("read", "audit",
				Map.of("scope", Map.of("contact_id", user.id(), "event", "permission.denied")));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		String by = "by " + user.login() + " (" + user.id() + "): ";
		List<String> actions = new ArrayList<>();
		for (JsonNode row : reply.json().path("values")) {
			assertThat(row.path("detail").asString()).startsWith(by);
			actions.add(row.path("detail").asString().substring(by.length()));
		}
		return actions;
	}

	private double denials() {
		Api.Reply scrape = new Api(this.managementPort).get("/actuator/prometheus");
		assertThat(scrape.status()).as("%s", scrape).isEqualTo(200);
		Matcher matcher = DENIALS.matcher(scrape.body());
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
	}
}
