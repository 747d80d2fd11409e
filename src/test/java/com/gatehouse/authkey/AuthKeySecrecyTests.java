package com.gatehouse.authkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

import static org.assertj.core.api.Assertions.assertThat;

/** A key is shown once, in the create reply: reads show a hint, and the store keeps a digest. */
@GatehouseTest
class AuthKeySecrecyTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void readWhenScopedByIdThenAnswersTheHintNeverTheKey() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(Map.of("contact_id", owner.id()));
		String key = created.path("token").asString();

		Api.Reply reply = this.keys.asAdmin("read", Map.of("scope", Map.of("id", created.path("id").asLong())));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.propertyNames()).containsExactly("id", "contact_id", "type", "subtype", "token", "name",
				"created", "expires", "last_used", "last_ip", "restrict");
		assertThat(row.path("id").asLong()).isEqualTo(created.path("id").asLong());
		assertThat(row.path("contact_id").asLong()).isEqualTo(owner.id());
		assertThat(row.path("type").asString()).isEqualTo("auth");
		assertThat(row.path("subtype").asString()).isEqualTo("key");
		assertThat(row.path("created").asString()).isEqualTo(created.path("created").asString());
		assertThat(row.path("token").asString()).isEqualTo("ghk_..." + key.substring(key.length() - 4));
		assertKeyAbsent(reply, key);
	}

	@Test
	void readWhenScopedByContactIdThenAnswersEachKeyOfThatUserAsAHint() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "User");
		TestUser other = this.directory.newUser(company, "User");
		JsonNode first = create(Map.of("contact_id", owner.id()));
		JsonNode second = create(Map.of("contact_id", owner.id()));
		String otherKey = this.directory.newKey(other.id());

		Api.Reply reply = this.keys.asAdmin("read", Map.of("scope", Map.of("contact_id", owner.id())));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(ids(reply)).containsExactly(first.path("id").asLong(), second.path("id").asLong());
		assertThat(reply.json().path("values").path(0).path("token").asString()).isEqualTo(hintOf(first));
		assertThat(reply.json().path("values").path(1).path("token").asString()).isEqualTo(hintOf(second));
		assertKeyAbsent(reply, first.path("token").asString());
		assertKeyAbsent(reply, second.path("token").asString());
		assertKeyAbsent(reply, otherKey);
	}

	@Test
	void readWhenUnscopedThenListsTheKeyAsAHintOnly() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(Map.of("contact_id", owner.id()));

		Api.Reply reply = this.keys.asAdmin("read", Map.of());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(ids(reply)).contains(created.path("id").asLong());
		assertKeyAbsent(reply, created.path("token").asString());
	}

	@Test
	void readWhenOnlyTokenColumnAskedThenStillAnswersTheHint() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(Map.of("contact_id", owner.id()));

		Api.Reply reply = this.keys.asAdmin("read", Map.of("scope", Map.of("id", created.path("id").asLong()), "columns", List.of("token")));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).propertyNames()).containsExactly("token");
		assertThat(reply.json().path("values").path(0).path("token").asString()).isEqualTo(hintOf(created));
		assertKeyAbsent(reply, created.path("token").asString());
	}

	@Test
	void readWhenClientChoseTheKeyThenHintIsTheLastFourCharactersWithoutPrefix() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String token = Directory.unique("client-key-of-enough-length").replace('_', '-') + "-WXYZ";
		JsonNode created = create(Map.of("contact_id", owner.id(), "token", token));

		Api.Reply reply = this.keys.asAdmin("read", Map.of("scope", Map.of("id", created.path("id").asLong())));

		assertThat(reply.json().path("values").path(0).path("token").asString()).isEqualTo("...WXYZ");
		assertKeyAbsent(reply, token);
	}

	@Test
	void storeWhenKeyCreatedThenNoColumnHoldsTheKeyAndDigestIsItsSha256() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(Map.of("contact_id", owner.id()));
		String key = created.path("token").asString();

		assertNoStoredColumnContains(key);
		assertThat(storedDigest(created.path("id").asLong())).isEqualTo(sha256Hex(key));
	}

	@Test
	void storeWhenKeyReplacedThenNeitherKeyIsStoredAndDigestIsTheNewKeys() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(Map.of("contact_id", owner.id()));
		String replacement = Directory.unique("replacement-key-of-enough-length").replace('_', '-');

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("token", replacement)));

		assertThat(reply.status()).isEqualTo(200);
		assertNoStoredColumnContains(created.path("token").asString());
		assertNoStoredColumnContains(replacement);
		assertThat(storedDigest(created.path("id").asLong())).isEqualTo(sha256Hex(replacement));
	}

	private void assertNoStoredColumnContains(String key) {
		List<Map<String, Object>> rows = this.jdbc.sql("SELECT * FROM auth_keys").query().listOfRows();
		assertThat(rows).isNotEmpty();
		for (Map<String, Object> row : rows) {
			assertThat(row.values()).allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(key));
		}
	}

	private String storedDigest(long id) {
		return this.jdbc.sql("SELECT digest FROM auth_keys WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static String sha256Hex(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static void assertKeyAbsent(Api.Reply reply, String key) {
		assertThat(reply.body()).doesNotContain(key);
		// Nor the part of the key the hint does not show.
		assertThat(reply.body()).doesNotContain(key.substring(0, key.length() - 4));
	}

	private static String hintOf(JsonNode created) {
		String key = created.path("token").asString();
		return "ghk_..." + key.substring(key.length() - 4);
	}

	private static List<Long> ids(Api.Reply reply) {
		List<Long> ids = new ArrayList<>();
		reply.json().path("values").forEach((row) -> ids.add(row.path("id").asLong()));
		return ids;
	}

	private JsonNode create(Map<String, Object> values) {
		Api.Reply reply = this.keys.asAdmin("create", Map.of("values", values));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0);
	}
}
