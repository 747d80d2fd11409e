package com.gatehouse.authkey;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may manage keys: System-Admins all; a Company-Admin those of its company's users it could grant. */
@GatehouseTest
class AuthKeyPermissionTests {

	Api api;

	Directory directory;

	@Test
	void companyAdminWithKeyWhenUserOfItsCompanyThenCreatesReplacesReadsAndDeletesKeys() {
		String company = this.directory.newCompany();
		String admin = this.directory.newKey(this.directory.newUser(company, "Company-Admin").id());
		TestUser user = this.directory.newUser(company, "User");

		Api.Reply created = withKey(admin, "create", Map.of("values", Map.of("contact_id", user.id())));
		assertThat(created.status()).as("%s", created).isEqualTo(200);
		long id = created.json().path("values").path(0).path("id").asLong();
		String replacement = Directory.unique("company-admin-chosen-key").replace('_', '-');
		Api.Reply replaced = withKey(admin, "update", Map.of("scope", Map.of("id", id), "values", Map.of("token", replacement)));
		assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
		Api.Reply read = withKey(admin, "read", Map.of("scope", Map.of("contact_id", user.id())));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("values").size()).isEqualTo(1);
		assertThat(read.json().path("values").path(0).path("id").asLong()).isEqualTo(id);
		assertThat(whoAmI(replacement).status()).isEqualTo(200);

		Api.Reply deleted = withKey(admin, "delete", Map.of("scope", Map.of("id", id)));

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.result()).isEqualTo("success");
		assertThat(whoAmI(replacement).status()).isEqualTo(401);
	}

	@Test
	void companyAdminWithPasswordWhenUserOfItsCompanyThenCreatesAWorkingKey() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser user = this.directory.newUser(company, "User");

		Api.Reply created = this.api.post("/rest/ops/create/authinfo",
				Map.of("values", Map.of("contact_id", user.id()), "auth", admin.auth()));

		assertThat(created.status()).as("%s", created).isEqualTo(200);
		assertThat(created.json().path("values").path(0).path("contact_id").asLong()).isEqualTo(user.id());
		String key = created.json().path("values").path(0).path("token").asString();
		assertThat(whoAmI(key).json().path("user").path("id").asLong()).isEqualTo(user.id());
	}

	@Test
	void companyAdminWhenUserOfAnotherCompanyThenUserUnknownAndNoKeyMade() {
		String admin = this.directory.newKey(this.directory.newUser(this.directory.newCompany(), "Company-Admin").id());
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = withKey(admin, "create", Map.of("values", Map.of("contact_id", stranger.id())));

		assertFailure(reply, 404, "user.unknown");
		assertThat(keyCountOf(stranger)).isZero();
	}

	@Test
	void companyAdminWhenSystemAdminOfItsCompanyThenPermissionDeniedAndNoKeyMade() {
		String company = this.directory.newCompany();
		String admin = this.directory.newKey(this.directory.newUser(company, "Company-Admin").id());
		TestUser systemAdmin = this.directory.newUser(company, "System-Admin");

		Api.Reply reply = withKey(admin, "create", Map.of("values", Map.of("contact_id", systemAdmin.id())));

		assertFailure(reply, 403, "permission.denied");
		assertThat(keyCountOf(systemAdmin)).isZero();
	}

	@Test
	void companyAdminWhenReadingThenListsOnlyKeysOfItsCompanyUsers() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		String adminKey = this.directory.newKey(admin.id());
		TestUser user = this.directory.newUser(company, "User");
		this.directory.newKey(user.id());
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");
		this.directory.newKey(stranger.id());

		Api.Reply all = withKey(adminKey, "read", Map.of());
		Api.Reply strangers = withKey(adminKey, "read", Map.of("scope", Map.of("contact_id", stranger.id())));

		assertThat(all.status()).isEqualTo(200);
		assertThat(contactIds(all)).containsExactlyInAnyOrder(admin.id(), user.id());
		assertThat(all.json().path("values").size()).isEqualTo(2);
		assertThat(strangers.status()).isEqualTo(200);
		assertThat(strangers.json().path("values").size()).isZero();
	}

	@Test
	void companyAdminWhenKeyOfAnotherCompanyThenMatchesNothingAsForNoSuchKey() {
		String admin = this.directory.newKey(this.directory.newUser(this.directory.newCompany(), "Company-Admin").id());
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");
		String strangersKey = this.directory.newKey(stranger.id());
		long id = keyIdOf(stranger);
		Map<String, Object> token = Map.of("token", Directory.unique("hijacking-key-of-enough-length").replace('_', '-'));

		Api.Reply replaced = withKey(admin, "update", Map.of("scope", Map.of("id", id), "values", token));
		Api.Reply deleted = withKey(admin, "delete", Map.of("scope", Map.of("id", id)));
		Api.Reply missing = withKey(admin, "delete", Map.of("scope", Map.of("id", Long.MAX_VALUE)));

		assertFailure(replaced, 409, "authinfo.token_needs_one_key");
		assertThat(deleted.result()).isEqualTo("success");
		assertThat(deleted.body()).isEqualTo(missing.body());
		assertThat(whoAmI(strangersKey).json().path("user").path("id").asLong()).isEqualTo(stranger.id());
	}

	@Test
	void companyAdminWhenKeyOfSystemAdminOfItsCompanyThenCannotReplaceOrDeleteIt() {
		String company = this.directory.newCompany();
		String admin = this.directory.newKey(this.directory.newUser(company, "Company-Admin").id());
		TestUser systemAdmin = this.directory.newUser(company, "System-Admin");
		String systemAdminsKey = this.directory.newKey(systemAdmin.id());
		long id = keyIdOf(systemAdmin);
		Map<String, Object> token = Map.of("token", Directory.unique("hijacking-key-of-enough-length").replace('_', '-'));

		assertFailure(withKey(admin, "update", Map.of("scope", Map.of("id", id), "values", token)), 403, "permission.denied");
		assertFailure(withKey(admin, "delete", Map.of("scope", Map.of("id", id))), 403, "permission.denied");
		assertThat(whoAmI(systemAdminsKey).json().path("user").path("id").asLong()).isEqualTo(systemAdmin.id());
	}

	@Test
	void plainUserWhenSomeoneElsesKeyOrUserThenRefusedOrMatchesNothingWhetherOrNotItExists() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		String key = this.directory.newKey(user.id());
		TestUser colleague = this.directory.newUser(company, "User");
		String colleaguesKey = this.directory.newKey(colleague.id());
		long id = keyIdOf(colleague);
		Map<String, Object> token = Map.of("token", Directory.unique("hijacking-key-of-enough-length").replace('_', '-'));

		assertFailure(withKey(key, "create", Map.of("values", Map.of("contact_id", colleague.id()))), 403,
				"permission.denied");
		Api.Reply replaced = withKey(key, "update", Map.of("scope", Map.of("id", id), "values", token));
		Api.Reply rotated = withKey(key, "update", Map.of("scope", Map.of("id", id), "values", Map.of("rotate", true)));
		Api.Reply deleted = withKey(key, "delete", Map.of("scope", Map.of("id", id)));
		Api.Reply missing = withKey(key, "delete", Map.of("scope", Map.of("id", Long.MAX_VALUE)));

		assertFailure(replaced, 409, "authinfo.token_needs_one_key");
		assertThat(rotated.json().path("values").isEmpty()).as("%s", rotated).isTrue();
		assertThat(deleted.result()).isEqualTo("success");
		assertThat(deleted.body()).isEqualTo(missing.body());
		assertThat(whoAmI(colleaguesKey).json().path("user").path("id").asLong()).isEqualTo(colleague.id());
		assertThat(keyCountOf(colleague)).isEqualTo(1);
	}

	@Test
	void plainUserWhenReadingThenSeesOnlyItsOwnKeys() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		String key = this.directory.newKey(user.id());
		TestUser colleague = this.directory.newUser(company, "User");
		this.directory.newKey(colleague.id());

		Api.Reply all = withKey(key, "read", Map.of());
		Api.Reply colleagues = withKey(key, "read", Map.of("scope", Map.of("contact_id", colleague.id())));
		Api.Reply byId = withKey(key, "read", Map.of("scope", Map.of("id", keyIdOf(colleague))));

		assertThat(all.status()).isEqualTo(200);
		assertThat(contactIds(all)).containsExactly(user.id());
		assertThat(all.json().path("values").size()).isEqualTo(1);
		assertThat(colleagues.json().path("values").size()).isZero();
		assertThat(byId.json().path("values").size()).isZero();
	}

	@Test
	void plainUserWithPasswordWhenCreatingKeyForColleagueThenPermissionDeniedAndNoKeyMade() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");

		Api.Reply create = this.api.post("/rest/ops/create/authinfo",
				Map.of("values", Map.of("contact_id", colleague.id()), "auth", user.auth()));

		assertFailure(create, 403, "permission.denied");
		assertThat(keyCountOf(colleague)).isZero();
	}

	@Test
	void anyVerbWhenNoCredentialsThenAuthenticationRequired() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(this.api.post("/rest/ops/create/authinfo", Map.of("values", Map.of("contact_id", user.id()))), 401,
				"auth.required");
		assertFailure(this.api.post("/rest/ops/read/authinfo", Map.of()), 401, "auth.required");
		assertFailure(this.api.post("/rest/ops/update/authinfo", Map.of("scope", Map.of("id", 1), "values",
				Map.of("token", "x".repeat(40)))), 401, "auth.required");
		assertFailure(this.api.post("/rest/ops/delete/authinfo", Map.of("scope", Map.of("id", 1))), 401, "auth.required");
		assertThat(keyCountOf(user)).isZero();
	}

	private long keyIdOf(TestUser owner) {
		Api.Reply keys = this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", owner.id())));
		assertThat(keys.json().path("values").size()).isEqualTo(1);
		return keys.json().path("values").path(0).path("id").asLong();
	}

	private int keyCountOf(TestUser user) {
		return this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", user.id())))
			.json().path("values").size();
	}

	private static Set<Long> contactIds(Api.Reply reply) {
		Set<Long> ids = new HashSet<>();
		reply.json().path("values").forEach((row) -> ids.add(row.path("contact_id").asLong()));
		return ids;
	}

	private Api.Reply withKey(String key, String verb, Map<String, Object> body) {
		return this.api.post("/rest/ops/" + verb + "/authinfo", body, "Authorization", "token auth=" + key);
	}

	private Api.Reply whoAmI(String key) {
		return this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}

}
