package com.gatehouse.authkey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code update} with {@code rotate: true} issues a new generated value once; by default (no grace
 * period) the old one dies at once. Updates also relabel a key and move its expiry; each change
 * leaves an audit event about the key's owner that never holds the key.
 */
@GatehouseTest
class AuthKeyRotationTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void updateWhenRotateThenAnswersANewKeyOnceAndTheOldOneFailsAtOnce() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "name", "billing sync"));
		String old = created.path("token").asString();
		long id = created.path("id").asLong();

		JsonNode rotated = KeyCalls.row(this.keys.asAdmin("update", Map.of("scope", Map.of("id", id), "values",
				Map.of("rotate", true))));

		String fresh = rotated.path("token").asString();
		assertThat(fresh).matches(KeyCalls.GENERATED_KEY).isNotEqualTo(old);
		assertThat(rotated.path("id").asLong()).isEqualTo(id);
		assertThat(rotated.path("contact_id").asLong()).isEqualTo(owner.id());
		assertThat(rotated.path("name").asString()).isEqualTo("billing sync");
		assertThat(Instant.parse(rotated.path("created").asString()))
			.isAfterOrEqualTo(Instant.parse(created.path("created").asString()));
		assertFailure(this.keys.whoAmI(old), 401, "auth.failed");
		assertThat(this.keys.whoAmI(fresh).json().path("user").path("id").asLong()).isEqualTo(owner.id());
		JsonNode read = this.keys.readAsAdmin(id);
		assertThat(read.path("token").asString()).isEqualTo("ghk_..." + fresh.substring(fresh.length() - 4));
		assertThat(this.keys.readAsAdmin(id).toString()).doesNotContain(fresh.substring(0, fresh.length() - 4));
	}

	@Test
	void updateWhenRotateFalseAndNothingElseThenBadRequestAndKeyUnchanged() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id()));

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("rotate", false)));

		assertFailure(reply, 400, "request.invalid");
		assertThat(this.keys.whoAmI(created.path("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void updateWhenRotateAndTokenTogetherThenBadRequestAndKeyUnchanged() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id()));

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("rotate", true, "token", Directory.unique("chosen-key-long-enough-for-it").replace('_', '-'))));

		assertFailure(reply, 400, "request.invalid");
		assertThat(this.keys.whoAmI(created.path("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void createWhenRotateGivenThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "rotate", true))), 400,
				"request.invalid");
	}

	@Test
	void updateWhenOnlyNameThenRelabelsAndTheKeyKeepsItsValue() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "name", "old label"));
		String key = created.path("token").asString();

		JsonNode updated = KeyCalls.row(this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()),
				"values", Map.of("name", "new label"))));

		assertThat(updated.path("name").asString()).isEqualTo("new label");
		assertThat(updated.path("token").asString()).isEqualTo("ghk_..." + key.substring(key.length() - 4));
		assertThat(this.keys.whoAmI(key).status()).isEqualTo(200);
	}

	@Test
	void updateWhenRestrictGivenThenBadRequestAndKeyUnchanged() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id()));

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("restrict", "read", "name", "x")));

		assertFailure(reply, 400, "authinfo.restrict_immutable");
		assertThat(this.keys.readAsAdmin(created.path("id").asLong()).path("restrict").isNull()).isTrue();
	}

	@Test
	void createWhenNameTooLongOrWithControlCharacterThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		for (String name : new String[] { "n".repeat(101), "line\nbreak", "tab\there", "nul\u0000" }) {
			assertFailure(this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "name", name))), 400,
					"request.invalid");
		}
		assertThat(this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "name", "n".repeat(100))).path("name").asString())
			.hasSize(100);
	}

	@Test
	void createWhenExpiresIsNotAnInstantThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		for (Object expires : new Object[] { "tomorrow", "2030-13-01T00:00:00Z", true, List.of() }) {
			assertFailure(this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "expires", expires))),
					400, "request.invalid");
		}
	}

	@Test
	void createWhenClientKeyCarriesThePrefixButNotItsChecksumThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String generated = new AuthKeyFormat().generate();
		String wrongChecksum = generated.substring(0, generated.length() - 1)
				+ (generated.endsWith("A") ? "B" : "A");

		Api.Reply reply = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "token", wrongChecksum)));
		Api.Reply valid = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "token", generated)));

		assertFailure(reply, 400, "request.invalid");
		assertThat(KeyCalls.row(valid).path("token").asString()).isEqualTo(generated);
	}

	@Test
	void lifecycleWhenCreatedRotatedReplacedAndRevokedThenEachLeavesAnEventAboutTheOwnerWithoutTheKey() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "User");
		JsonNode created = KeyCalls.row(this.keys.as(owner.auth(), "create", Map.of("values", Map.of("contact_id", owner.id()))));
		long id = created.path("id").asLong();
		String rotated = KeyCalls.row(this.keys.asAdmin("update", Map.of("scope", Map.of("id", id), "values",
				Map.of("rotate", true)))).path("token").asString();
		String chosen = Directory.unique("chosen-key-long-enough-for-it").replace('_', '-');
		this.keys.as(owner.auth(), "update", Map.of("scope", Map.of("id", id), "values", Map.of("token", chosen)));
		this.keys.as(owner.auth(), "delete", Map.of("scope", Map.of("id", id)));

		List<String> events = KeyCalls.events(this.jdbc, owner.id());
		long adminId = this.directory.adminId();

		assertThat(events).containsExactly(
				"key.created: key " + id + " created by " + owner.login() + " (user " + owner.id() + ")",
				"key.rotated: key " + id + " given a new generated value by admin (user " + adminId + ")",
				"key.rotated: key " + id + " given a new client-chosen value by " + owner.login() + " (user " + owner.id() + ")",
				"key.revoked: key " + id + " revoked by " + owner.login() + " (user " + owner.id() + ")");
		Map<String, Object> row = this.jdbc
			.sql("SELECT login, company FROM audit_events WHERE contact_id = :id AND event = 'key.created'")
			.param("id", owner.id())
			.query()
			.singleRow();
		assertThat(row).containsEntry("login", owner.login()).containsEntry("company", company);
		for (String secret : new String[] { created.path("token").asString(), rotated, chosen }) {
			assertThat(String.join("\n", events)).doesNotContain(secret).doesNotContain(secret.substring(0, 20));
		}
	}
}
