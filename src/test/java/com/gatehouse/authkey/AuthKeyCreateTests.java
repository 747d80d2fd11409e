package com.gatehouse.authkey;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /rest/ops/create/authinfo}: what a create answers, and which client-chosen keys it takes. */
@GatehouseTest
class AuthKeyCreateTests {

	Api api;

	Directory directory;

	@Test
	void createWhenTypeInBodyThenAnswersOneRowWithTheKey() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/ops/create/", Map.of("type", "authinfo", "values",
				Map.of("contact_id", owner.id()), "auth", Directory.adminAuth()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		assertCreatedRow(reply.json().path("values").path(0), owner);
	}

	@Test
	void createWhenTypeOnPathThenAnswersOneRowWithTheKey() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", owner.id())));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		assertCreatedRow(reply.json().path("values").path(0), owner);
	}

	@Test
	void createWhenServerGeneratesKeyThenItEndsWithTheChecksumOfTheRest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		String key = this.directory.newKey(owner.id());

		assertThat(key).matches("ghk_[A-Za-z0-9_-]{43}[0-9A-Za-z]{6}");
		assertThat(key.substring(key.length() - 6)).isEqualTo(AuthKeyFormat.checksum(key.substring(0, key.length() - 6)));
	}

	@Test
	void createWhenCalledTwiceThenAnswersDifferentKeys() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		assertThat(this.directory.newKey(owner.id())).isNotEqualTo(this.directory.newKey(owner.id()));
	}

	@Test
	void createWhenClientChoosesThirtyTwoAllowedCharactersThenThatKeyAuthenticates() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String token = clientKey(32);

		Api.Reply created = asAdmin(Map.of("values", Map.of("contact_id", owner.id(), "token", token)));

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.json().path("values").path(0).path("token").asString()).isEqualTo(token);
		Api.Reply who = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + token);
		assertThat(who.status()).isEqualTo(200);
		assertThat(who.json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void createWhenClientKeyHasThirtyOneCharactersThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", owner.id(), "token", clientKey(31))));

		assertFailure(reply, 400, "request.invalid");
	}

	@Test
	void createWhenClientKeyHasCharacterOutsideTheAlphabetThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		for (String bad : new String[] { ".", "+", "/", "=", " ", "é" }) {
			Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", owner.id(), "token", clientKey(40) + bad)));

			assertFailure(reply, 400, "request.invalid");
		}
	}

	@Test
	void createWhenClientKeyIsAlreadyInUseThenConflict() {
		String company = this.directory.newCompany();
		TestUser first = this.directory.newUser(company, "User");
		TestUser second = this.directory.newUser(company, "User");
		String token = clientKey(48);
		assertThat(asAdmin(Map.of("values", Map.of("contact_id", first.id(), "token", token))).status()).isEqualTo(200);

		Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", second.id(), "token", token)));

		assertFailure(reply, 409, "authinfo.exists");
		Api.Reply who = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + token);
		assertThat(who.status()).isEqualTo(200);
		assertThat(who.json().path("user").path("id").asLong()).isEqualTo(first.id());
	}

	@Test
	void createWhenTypeIsNotAuthThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		for (String type : new String[] { "api", "popup", "token", "" }) {
			Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", owner.id(), "type", type)));

			assertFailure(reply, 400, "request.invalid");
		}
	}

	@Test
	void createWhenSubtypeIsNotKeyThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		for (String subtype : new String[] { "token", "api", "popup", "" }) {
			Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", owner.id(), "type", "auth", "subtype", subtype)));

			assertFailure(reply, 400, "request.invalid");
		}
	}

	@Test
	void createWhenTypeAuthAndSubtypeKeyGivenThenAccepted() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", owner.id(), "type", "auth", "subtype", "key")));

		assertThat(reply.status()).isEqualTo(200);
		assertCreatedRow(reply.json().path("values").path(0), owner);
	}

	@Test
	void createWhenContactIdMissingThenBadRequest() {
		Api.Reply reply = asAdmin(Map.of("values", Map.of("type", "auth", "subtype", "key")));

		assertFailure(reply, 400, "request.invalid");
	}

	@Test
	void createWhenContactIdNamesNoUserThenNotFound() {
		Api.Reply reply = asAdmin(Map.of("values", Map.of("contact_id", Long.MAX_VALUE)));

		assertFailure(reply, 404, "user.unknown");
	}

	private static void assertCreatedRow(JsonNode row, TestUser owner) {
		assertThat(row.propertyNames()).containsExactly("id", "contact_id", "type", "subtype", "token", "name",
				"created", "expires", "last_used", "last_ip", "restrict");
		assertThat(row.path("id").isNumber()).isTrue();
		assertThat(row.path("contact_id").isNumber()).isTrue();
		assertThat(row.path("contact_id").asLong()).isEqualTo(owner.id());
		assertThat(row.path("type").asString()).isEqualTo("auth");
		assertThat(row.path("subtype").asString()).isEqualTo("key");
		assertThat(row.path("token").asString()).matches("ghk_[A-Za-z0-9_-]{43}[0-9A-Za-z]{6}");
		assertThat(Instant.parse(row.path("created").asString())).isNotNull();
		for (String unset : new String[] { "name", "expires", "last_used", "last_ip", "restrict" }) {
			assertThat(row.path(unset).isNull()).as(unset).isTrue();
		}
	}

	private static String clientKey(int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
		String seed = Directory.unique("k").replace('_', '-');
		StringBuilder key = new StringBuilder(seed);
		for (int i = 0; key.length() < length; i++) {
			key.append(alphabet.charAt((i * 7 + seed.length()) % alphabet.length()));
		}
		return key.substring(0, length);
	}

	private Api.Reply asAdmin(Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", Directory.adminAuth());
		return this.api.post("/rest/ops/create/authinfo", withAuth);
	}

}
