package com.gatehouse.authkey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** A key authenticates one call, in the header or the body, as its owner is at that moment. */
@GatehouseTest
class AuthKeyAuthenticationTests {

	Api api;

	Directory directory;

	@Test
	void authWhenKeyInHeaderThenAnswersOwnerWithoutSession() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		String key = this.directory.newKey(owner.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);

		assertOwnerWithoutSession(reply, owner);
	}

	@Test
	void authWhenKeyInBodyThenAnswersOwnerWithoutSession() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		String key = this.directory.newKey(owner.id());

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", key)));

		assertOwnerWithoutSession(reply, owner);
	}

	@Test
	void opsWhenKeyInHeaderThenCallActsAsOwner() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		TestUser colleague = this.directory.newUser(company, "User");
		String key = this.directory.newKey(owner.id());

		Api.Reply reply = this.api.post("/rest/ops/read/user", Map.of("scope", Map.of("id", colleague.id())),
				"Authorization", "token auth=" + key);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		assertThat(reply.json().path("values").path(0).path("login").asString()).isEqualTo(colleague.login());
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void opsWhenKeyInBodyThenCallActsAsOwner() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		TestUser colleague = this.directory.newUser(company, "User");
		String key = this.directory.newKey(owner.id());

		Api.Reply reply = this.api.post("/rest/ops/read/user",
				Map.of("scope", Map.of("id", colleague.id()), "auth", Map.of("type", "auth", "key", key)));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).path("login").asString()).isEqualTo(colleague.login());
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void authWhenValidKeyPresentedAsAnotherTokenTypeThenRejected() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(owner.id());

		assertAuthFailed(this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "api", "key", key))));
		assertAuthFailed(this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "popup", "key", key))));
		assertAuthFailed(this.api.post("/rest/auth/", Map.of(), "Authorization", "token api=" + key));
		assertAuthFailed(this.api.post("/rest/auth/", Map.of(), "Authorization", "Bearer " + key));
	}

	@Test
	void opsWhenRevokedKeyAndLiveCookieThenFailsWithoutFallingBackToCookie() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "Company-Admin");
		String session = this.directory.login(owner);
		String key = this.directory.newKey(owner.id());
		long keyId = keyIdOf(owner);
		this.directory.asAdmin("delete", "authinfo", Map.of("scope", Map.of("id", keyId)));

		Api.Reply reply = this.api.postWithCookie("/rest/ops/read/user", Map.of(), session, "Authorization",
				"token auth=" + key);

		assertAuthFailed(reply);
	}

	@Test
	void authWhenOwnersRoleChangesThenKeyHasTheNewPermissionsAtTheNextCall() {
		String company = this.directory.newCompany();
		String role = Directory.unique("role");
		this.directory.asAdmin("create", "role", Map.of("values",
				Map.of("name", role, "company", company, "perms", Map.of("cdr.read", "company", "phone.write", "yes"))));
		TestUser owner = this.directory.newUser(company, role);
		String key = this.directory.newKey(owner.id());
		JsonNode before = whoAmI(key).json().path("user").path("perms");
		assertThat(before.propertyNames()).containsExactly("cdr.read", "phone.write");
		assertThat(before.path("cdr.read").asString()).isEqualTo("company");
		assertThat(before.path("phone.write").asString()).isEqualTo("yes");
		assertThat(readUsersWith(key).status()).isEqualTo(403);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", owner.id()), "values",
				Map.of("role", "Company-Admin")));

		JsonNode after = whoAmI(key).json().path("user").path("perms");
		assertThat(after.propertyNames()).containsExactly("admin");
		assertThat(after.path("admin").asString()).isEqualTo("company");
		assertThat(readUsersWith(key).status()).isEqualTo(200);
	}

	@Test
	void authWhenOwnerDisabledThenKeyFailsUntilReEnabled() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(owner.id());

		setEnabled(owner, false);
		assertAuthFailed(whoAmI(key));

		setEnabled(owner, true);
		Api.Reply reply = whoAmI(key);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void authWhenOwnerDeletedThenKeyFails() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(owner.id());
		assertThat(whoAmI(key).status()).isEqualTo(200);

		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", owner.id())));

		assertAuthFailed(whoAmI(key));
	}

	private void setEnabled(TestUser user, boolean enabled) {
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", enabled)));
	}

	private long keyIdOf(TestUser owner) {
		Api.Reply keys = this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", owner.id())));
		assertThat(keys.json().path("values").size()).isEqualTo(1);
		return keys.json().path("values").path(0).path("id").asLong();
	}

	private Api.Reply readUsersWith(String key) {
		return this.api.post("/rest/ops/read/user", Map.of(), "Authorization", "token auth=" + key);
	}

	private Api.Reply whoAmI(String key) {
		return this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}

	private static void assertOwnerWithoutSession(Api.Reply reply, TestUser owner) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode user = reply.json().path("user");
		assertThat(user.propertyNames()).containsExactly("id", "login", "name", "company", "home", "companies", "perms");
		assertThat(user.path("id").asLong()).isEqualTo(owner.id());
		assertThat(user.path("login").asString()).isEqualTo(owner.login());
		assertThat(user.path("name").asString()).isEqualTo("Name of " + owner.login());
		assertThat(user.path("company").asString()).isEqualTo(owner.company());
		assertThat(user.path("home").asString()).isEqualTo(owner.company());
		assertThat(user.path("perms").propertyNames()).containsExactly("admin");
		assertThat(user.path("perms").path("admin").asString()).isEqualTo("company");
		assertThat(reply.sessionSetCookie()).isEmpty();
		assertThat(reply.header("Set-Cookie")).isEmpty();
	}

	private static void assertAuthFailed(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json().propertyNames()).containsExactly("result", "message", "code");
		assertThat(reply.result()).isEqualTo("fail");
		assertThat(reply.code()).isEqualTo("auth.failed");
		assertThat(reply.json().path("message").asString()).isEqualTo("Authentication failed");
	}
}
