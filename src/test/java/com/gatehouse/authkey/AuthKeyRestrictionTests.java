package com.gatehouse.authkey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code restrict}: a {@code "read"} key may only read; a perms-map key acts with its owner's
 * current permissions intersected with the map, evaluated on every call; and a narrowed key can
 * never mint or take over a wider one.
 */
@GatehouseTest
class AuthKeyRestrictionTests {

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void readKeyWhenReadingThenAllowedAndWhenCreatingUpdatingOrDeletingThenPermissionDenied() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser colleague = this.directory.newUser(company, "User");
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", admin.id(), "restrict", "read"));
		String key = created.path("token").asString();
		long id = created.path("id").asLong();
		assertThat(created.path("restrict").asString()).isEqualTo("read");

		Api.Reply read = this.keys.withKey(key, "read", "user", Map.of("scope", Map.of("id", colleague.id())));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("values").path(0).path("login").asString()).isEqualTo(colleague.login());
		assertThat(this.keys.withKey(key, "read", "authinfo", Map.of()).status()).isEqualTo(200);
		assertThat(this.keys.whoAmI(key).json().path("user").path("perms").path("admin").asString()).isEqualTo("company");

		List<Api.Reply> writes = List.of(
				this.keys.withKey(key, "create", "user", Map.of("values", Map.of("login", Directory.unique("u"), "password",
						"long-enough-password-1", "company", company))),
				this.keys.withKey(key, "update", "user", Map.of("scope", Map.of("id", colleague.id()), "values",
						Map.of("name", "Renamed"))),
				this.keys.withKey(key, "delete", "user", Map.of("scope", Map.of("id", colleague.id()))),
				this.keys.withKey(key, "create", "authinfo", Map.of("values", Map.of("contact_id", admin.id()))),
				this.keys.withKey(key, "update", "authinfo", Map.of("scope", Map.of("id", id), "values", Map.of("rotate", true))),
				this.keys.withKey(key, "delete", "authinfo", Map.of("scope", Map.of("id", id))),
				this.keys.withKey(key, "create", "no-such-type", Map.of()));
		for (Api.Reply write : writes) {
			assertFailure(write, 403, "permission.denied");
		}
		assertThat(this.directory.asAdmin("read", "user", Map.of("scope", Map.of("id", colleague.id()))).json()
			.path("values").path(0).path("name").asString()).isEqualTo("Name of " + colleague.login());
		assertThat(this.keys.whoAmI(key).status()).isEqualTo(200);
	}

	@Test
	void permsKeyWhenOwnersRoleChangesThenNarrowsAndWidensAtTheNextCallButNeverBeyondItsRestriction() {
		String company = this.directory.newCompany();
		String other = this.directory.newCompany();
		String wide = newRole(company, Map.of("admin", "company", "cdr.read", "yes"));
		TestUser owner = this.directory.newUser(company, wide);
		TestUser colleague = this.directory.newUser(company, "User");
		String key = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "restrict", Map.of("admin", "company")))
			.path("token").asString();

		assertThat(perms(key)).isEqualTo(Map.of("admin", "company"));
		assertThat(readUser(key, colleague).status()).isEqualTo(200);

		setRole(owner, "User");
		assertThat(perms(key)).isEmpty();
		assertFailure(readUser(key, colleague), 403, "permission.denied");

		setRole(owner, wide);
		assertThat(perms(key)).isEqualTo(Map.of("admin", "company"));
		assertThat(readUser(key, colleague).status()).isEqualTo(200);

		setRole(owner, "System-Admin");
		assertThat(perms(key)).isEqualTo(Map.of("admin", "company"));
		assertFailure(this.keys.withKey(key, "read", "user", Map.of("scope", Map.of("company", other))), 403,
				"permission.denied");
	}

	@Test
	void createWhenRestrictionIsWiderThanTheOwnersPermissionsThenBadRequest() {
		String company = this.directory.newCompany();
		TestUser plain = this.directory.newUser(company, "User");
		TestUser reader = this.directory.newUser(company, newRole(company, Map.of("cdr.read", "company")));

		Api.Reply admin = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", plain.id(), "restrict",
				Map.of("admin", "company"))));
		Api.Reply wider = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", reader.id(), "restrict",
				Map.of("cdr.read", "yes"))));
		JsonNode within = this.keys.createAsAdmin(Map.of("contact_id", reader.id(), "restrict", Map.of("cdr.read", "company")));

		assertFailure(admin, 400, "authinfo.restrict_too_wide");
		assertFailure(wider, 400, "authinfo.restrict_too_wide");
		assertThat(within.path("restrict").path("cdr.read").asString()).isEqualTo("company");
		assertThat(this.keys.readAsAdmin(within.path("id").asLong()).path("restrict").path("cdr.read").asString())
			.isEqualTo("company");
	}

	@Test
	void createWhenRestrictIsMalformedThenBadRequest() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");

		for (Object restrict : new Object[] { "write", "READ", 5, true, List.of("read"), Map.of("cdr.read", "no"),
				Map.of("cdr.read", 1), Map.of("Bad Name", "yes") }) {
			assertFailure(this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "restrict", restrict))),
					400, "request.invalid");
		}
	}

	@Test
	void narrowedKeyWhenCreatingOwnKeysThenOnlyKeysWithinItsOwnPermissions() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, newRole(company, Map.of("cdr.read", "yes", "phone.write", "yes")));
		String narrowed = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "restrict", Map.of("cdr.read", "yes")))
			.path("token").asString();

		for (Map<String, Object> wider : List.<Map<String, Object>>of(Map.of(), Map.of("restrict", "read"),
				Map.of("restrict", Map.of("phone.write", "yes")),
				Map.of("restrict", Map.of("cdr.read", "yes", "phone.write", "yes")))) {
			Map<String, Object> values = new HashMap<>(wider);
			values.put("contact_id", owner.id());
			assertFailure(this.keys.withKey(narrowed, "create", "authinfo", Map.of("values", values)), 403, "permission.denied");
		}
		String same = KeyCalls.row(this.keys.withKey(narrowed, "create", "authinfo", Map.of("values",
				Map.of("contact_id", owner.id(), "restrict", Map.of("cdr.read", "yes"))))).path("token").asString();
		String narrower = KeyCalls.row(this.keys.withKey(narrowed, "create", "authinfo", Map.of("values",
				Map.of("contact_id", owner.id(), "restrict", Map.of("cdr.read", "company"))))).path("token").asString();

		assertThat(perms(same)).isEqualTo(Map.of("cdr.read", "yes"));
		assertThat(perms(narrower)).isEqualTo(Map.of("cdr.read", "company"));
		assertThat(this.keys.asAdmin("read", Map.of("scope", Map.of("contact_id", owner.id()))).json().path("values").size())
			.isEqualTo(3);
	}

	@Test
	void narrowedKeyWhenChangingAWiderKeyOfItsOwnerThenPermissionDeniedButItMayRevokeIt() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, newRole(company, Map.of("cdr.read", "yes", "phone.write", "yes")));
		JsonNode narrowed = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "restrict", Map.of("cdr.read", "yes")));
		String narrowedKey = narrowed.path("token").asString();
		JsonNode wide = this.keys.createAsAdmin(Map.of("contact_id", owner.id()));
		Map<String, Object> wideScope = Map.of("id", wide.path("id").asLong());

		assertFailure(this.keys.withKey(narrowedKey, "update", "authinfo", Map.of("scope", wideScope, "values",
				Map.of("rotate", true))), 403, "permission.denied");
		assertFailure(this.keys.withKey(narrowedKey, "update", "authinfo", Map.of("scope", wideScope, "values",
				Map.of("token", Directory.unique("taken-over-key-long-enough").replace('_', '-')))), 403, "permission.denied");
		assertThat(this.keys.whoAmI(wide.path("token").asString()).status()).isEqualTo(200);

		Api.Reply ownRotation = this.keys.withKey(narrowedKey, "update", "authinfo", Map.of("scope",
				Map.of("id", narrowed.path("id").asLong()), "values", Map.of("rotate", true)));
		assertThat(perms(KeyCalls.row(ownRotation).path("token").asString())).isEqualTo(Map.of("cdr.read", "yes"));
		String rotatedKey = KeyCalls.row(ownRotation).path("token").asString();

		assertThat(this.keys.withKey(rotatedKey, "delete", "authinfo", Map.of("scope", wideScope)).status()).isEqualTo(200);
		assertFailure(this.keys.whoAmI(wide.path("token").asString()), 401, "auth.failed");
	}

	private String newRole(String company, Map<String, String> perms) {
		String role = Directory.unique("role");
		this.directory.asAdmin("create", "role", Map.of("values", Map.of("name", role, "company", company, "perms", perms)));
		return role;
	}

	private void setRole(TestUser user, String role) {
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("role", role)));
	}

	private Map<String, String> perms(String key) {
		Api.Reply reply = this.keys.whoAmI(key);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		Map<String, String> perms = new TreeMap<>();
		reply.json().path("user").path("perms").properties()
			.forEach((entry) -> perms.put(entry.getKey(), entry.getValue().asString()));
		return perms;
	}

	private Api.Reply readUser(String key, TestUser user) {
		return this.keys.withKey(key, "read", "user", Map.of("scope", Map.of("id", user.id())));
	}
}
