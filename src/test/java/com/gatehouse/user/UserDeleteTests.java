package com.gatehouse.user;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code type: "user"} delete over HTTP: the user, its keys and its sessions are gone. */
@GatehouseTest
class UserDeleteTests {

	Api api;

	Directory directory;

	@Test
	void deleteAnswersSuccessAndTheUserIsGoneFromRead() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = delete(Directory.adminAuth(), Map.of("id", user.id()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("result");
		assertThat(reply.result()).isEqualTo("success");
		Api.Reply read = this.directory.asAdmin("read", "user", Map.of("scope", Map.of("id", user.id())));
		assertThat(read.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void deleteThenTheUserCannotLogIn() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		delete(Directory.adminAuth(), Map.of("login", user.login()));

		assertFailure(this.api.post("/rest/auth/", Map.of("auth", user.auth())), 401, "auth.failed");
	}

	@Test
	void deleteThenTheUsersKeysStopWorking() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);

		delete(Directory.adminAuth(), Map.of("id", user.id()));

		assertFailure(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key), 401, "auth.failed");
		assertFailure(this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", key))), 401,
				"auth.failed");
	}

	@Test
	void deleteThenTheUsersSessionsEnd() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String first = this.directory.login(user);
		String second = this.directory.login(user);

		delete(Directory.adminAuth(), Map.of("id", user.id()));

		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), first), 401, "auth.failed");
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), second), 401, "auth.failed");
	}

	@Test
	void deleteOfYourselfThenConflictAndYouRemain() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(delete(companyAdmin.auth(), Map.of("id", companyAdmin.id())), 409, "user.self");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", companyAdmin.auth())).status()).isEqualTo(200);
	}

	@Test
	void deleteOfYourselfAsSystemAdminThenConflict() {
		TestUser systemAdmin = this.directory.newUser(this.directory.newCompany(), "System-Admin");

		assertFailure(delete(systemAdmin.auth(), Map.of("login", systemAdmin.login())), 409, "user.self");
	}

	@Test
	void deleteWithoutScopeThenScopeRequired() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		assertFailure(delete(companyAdmin.auth(), Map.of()), 400, "request.scope_required");
	}

	@Test
	void deleteWhenScopeMatchesTheCallerAmongOthersThenConflictAndNobodyIsDeleted() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		TestUser colleague = this.directory.newUser(companyAdmin.company(), "User");

		assertFailure(delete(companyAdmin.auth(), Map.of("company", companyAdmin.company())), 409, "user.self");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", colleague.auth())).status()).isEqualTo(200);
	}

	@Test
	void deleteWhenScopeMatchesNoUserThenSuccess() {
		Api.Reply reply = delete(Directory.adminAuth(), Map.of("login", Directory.unique("nobody")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
	}

	private Api.Reply delete(Map<String, Object> auth, Map<String, Object> scope) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", scope);
		body.put("auth", auth);
		return this.api.post("/rest/ops/delete/user", body);
	}

}
