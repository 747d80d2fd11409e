package com.gatehouse.authkey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code update} replaces a key, {@code delete} revokes it; both take effect at the next call. */
@GatehouseTest
class AuthKeyReplaceAndRevokeTests {

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void updateWhenNewTokenThenOldKeyFailsAndNewKeyWorks() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(owner);
		String oldKey = created.path("token").asString();
		String newKey = newClientKey();

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("token", newKey)));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.propertyNames()).containsExactly("id", "contact_id", "type", "subtype", "token", "name",
				"created", "expires", "last_used", "last_ip", "restrict");
		assertThat(row.path("id").asLong()).isEqualTo(created.path("id").asLong());
		assertThat(row.path("contact_id").asLong()).isEqualTo(owner.id());
		assertThat(row.path("token").asString()).isEqualTo(newKey);
		assertAuthFailed(whoAmI(oldKey));
		assertThat(whoAmI(newKey).status()).isEqualTo(200);
		assertThat(whoAmI(newKey).json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void updateWhenNoTokenThenBadRequestAndKeyUnchanged() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(owner);

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values", Map.of()));

		assertFailure(reply, 400, "request.invalid");
		assertThat(whoAmI(created.path("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void updateWhenTokenTooShortThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(owner);

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("token", newClientKey().substring(0, 31))));

		assertFailure(reply, 400, "request.invalid");
	}

	@Test
	void updateWhenScopeNamesTheOwnersOnlyKeyByContactIdThenReplacesIt() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		create(owner);
		String newKey = newClientKey();

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("contact_id", owner.id()), "values",
				Map.of("token", newKey)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("token").asString()).isEqualTo(newKey);
	}

	@Test
	void updateWithoutScopeThenScopeRequired() {
		assertFailure(this.keys.asAdmin("update", Map.of("values", Map.of("name", "Everyone's"))), 400, "request.scope_required");
	}

	@Test
	void updateOfATokenWhenIdNamesNoKeyThenConflict() {
		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", Long.MAX_VALUE), "values",
				Map.of("token", newClientKey())));

		assertFailure(reply, 409, "authinfo.token_needs_one_key");
	}

	@Test
	void updateWhenContactIdNamesAnotherUserThenBadRequest() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "User");
		TestUser other = this.directory.newUser(company, "User");
		JsonNode created = create(owner);

		Api.Reply reply = this.keys.asAdmin("update", Map.of("scope", Map.of("id", created.path("id").asLong()), "values",
				Map.of("token", newClientKey(), "contact_id", other.id())));

		assertFailure(reply, 400, "authinfo.owner_immutable");
		assertThat(whoAmI(created.path("token").asString()).json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void deleteWhenScopedByIdThenKeyFailsAtOnce() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(owner);
		String key = created.path("token").asString();
		assertThat(whoAmI(key).status()).isEqualTo(200);

		Api.Reply reply = this.keys.asAdmin("delete", Map.of("scope", Map.of("id", created.path("id").asLong())));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("result");
		assertThat(reply.result()).isEqualTo("success");
		assertAuthFailed(whoAmI(key));
		assertAuthFailed(this.api.post("/rest/ops/read/user", Map.of("auth", Map.of("type", "auth", "key", key))));
	}

	@Test
	void deleteWhenKeyRevokedThenReadNoLongerListsIt() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode kept = create(owner);
		JsonNode revoked = create(owner);

		this.keys.asAdmin("delete", Map.of("scope", Map.of("id", revoked.path("id").asLong())));

		Api.Reply reply = this.keys.asAdmin("read", Map.of("scope", Map.of("contact_id", owner.id())));
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		assertThat(reply.json().path("values").path(0).path("id").asLong()).isEqualTo(kept.path("id").asLong());
		assertThat(whoAmI(kept.path("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void deleteWhenScopeHasNoIdThenScopeRequired() {
		Api.Reply reply = this.keys.asAdmin("delete", Map.of("scope", Map.of()));

		assertFailure(reply, 400, "request.scope_required");
	}

	@Test
	void deleteWhenIdNamesNoKeyThenSuccess() {
		Api.Reply reply = this.keys.asAdmin("delete", Map.of("scope", Map.of("id", Long.MAX_VALUE)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
	}

	@Test
	void authenticateWhenKeyRevokedUnknownOrRandomThenIdenticalFailure() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode created = create(owner);
		this.keys.asAdmin("delete", Map.of("scope", Map.of("id", created.path("id").asLong())));

		Api.Reply revoked = whoAmI(created.path("token").asString());
		Api.Reply unknown = whoAmI(newClientKey());
		Api.Reply random = whoAmI(new AuthKeyFormat().generate());

		assertAuthFailed(revoked);
		assertThat(unknown.status()).isEqualTo(revoked.status());
		assertThat(unknown.body()).isEqualTo(revoked.body());
		assertThat(random.status()).isEqualTo(revoked.status());
		assertThat(random.body()).isEqualTo(revoked.body());
	}

	private Api.Reply whoAmI(String key) {
		return this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}

	private static String newClientKey() {
		return Directory.unique("client-chosen-key-long-enough").replace('_', '-');
	}

	private JsonNode create(TestUser owner) {
		Api.Reply reply = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id())));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0);
	}

	private static void assertAuthFailed(Api.Reply reply) {
		assertFailure(reply, 401, "auth.failed");
		assertThat(reply.json().path("message").asString()).isEqualTo("Authentication failed");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

}
