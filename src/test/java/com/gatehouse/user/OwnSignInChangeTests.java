package com.gatehouse.user;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stolen session or key must not lock the owner out without the password (issue 12): a Company-Admin,
 * which may otherwise update its own row, renames its own login or disables itself only with
 * {@code current_password}, and never with an Auth Key. Other values of its own row need no proof.
 */
@GatehouseTest
class OwnSignInChangeTests {

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	TestUser admin;

	String session;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.directory = new Directory(this.api);
		this.admin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		this.session = this.directory.login(this.admin);
	}

	@Test
	void ownLoginRenameWithASessionWithoutCurrentPasswordThen400AndUnchanged() {
		assertFailure(changeOwn(Map.of("login", Directory.unique("renamed"))), 400, "user.current_password");

		assertThat(login(this.admin.login()).status()).isEqualTo(200);
	}

	@Test
	void ownDisableWithASessionWithoutCurrentPasswordThen400AndStillEnabled() {
		assertFailure(changeOwn(Map.of("enabled", false)), 400, "user.current_password");

		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), this.session).status()).isEqualTo(200);
	}

	@Test
	void ownDisableWithAWrongCurrentPasswordThen400AndStillEnabled() {
		assertFailure(changeOwn(Map.of("enabled", false, "current_password", "not-the-password")), 400,
				"user.current_password");

		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), this.session).status()).isEqualTo(200);
	}

	@Test
	void ownLoginRenameWithTheCurrentPasswordThenRenamed() {
		String renamed = Directory.unique("renamed");

		Api.Reply reply = changeOwn(Map.of("login", renamed, "current_password", this.admin.password()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(login(renamed).status()).isEqualTo(200);
	}

	@Test
	void ownLoginRenameWithAKeyThen403EvenWithTheCurrentPassword() {
		String key = this.directory.newKey(this.admin.id());
		Map<String, Object> body = Map.of("scope", Map.of("id", this.admin.id()),
				"values", Map.of("login", Directory.unique("renamed"), "current_password", this.admin.password()));

		assertFailure(this.api.post("/rest/ops/update/user", body, "Authorization", "token auth=" + key), 403,
				"user.key_not_allowed");
		assertThat(login(this.admin.login()).status()).isEqualTo(200);
	}

	@Test
	void ownDisableWithAKeyThen403() {
		String key = this.directory.newKey(this.admin.id());
		Map<String, Object> body = Map.of("scope", Map.of("id", this.admin.id()),
				"values", Map.of("enabled", false, "current_password", this.admin.password()));

		assertFailure(this.api.post("/rest/ops/update/user", body, "Authorization", "token auth=" + key), 403,
				"user.key_not_allowed");
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
	}

	@Test
	void ownNameChangeNeedsNoCurrentPassword() {
		Api.Reply reply = changeOwn(Map.of("name", "A new name"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	@Test
	void ownLoginUnchangedAndStillEnabledNeedNoCurrentPassword() {
		Api.Reply reply = changeOwn(Map.of("login", this.admin.login(), "enabled", true, "name", "Same sign-in"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	private Api.Reply changeOwn(Map<String, Object> values) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", Map.of("id", this.admin.id()));
		body.put("values", values);
		return this.api.postWithCookie("/rest/ops/update/user", body, this.session);
	}

	private Api.Reply login(String login) {
		return this.api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", login, "password", this.admin.password())));
	}
}
