package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.auth.LoginCalls.assertGenericFailure;

/**
 * A password login that fails (rest-api.md §2-3): a wrong password, an unknown login, a disabled user,
 * a username without a password or a password without a username all get the one generic answer and
 * no cookie.
 */
@GatehouseTest
class LoginFailureTests {

	Api api;

	Directory directory;

	LoginCalls calls;

	@Test
	void loginWithWrongPasswordFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.calls.login(user.login(), user.password() + "-wrong");

		assertGenericFailure(reply);
	}

	@Test
	void loginWithUnknownLoginFailsWithTheGenericAnswer() {
		Api.Reply reply = this.calls.login(Directory.unique("nobody"), "some-password-long-enough");

		assertGenericFailure(reply);
	}

	@Test
	void loginOfDisabledUserFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));

		Api.Reply reply = this.calls.login(user.login(), user.password());

		assertGenericFailure(reply);
	}

	@Test
	void loginWithUsernameButNoPasswordFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login())));

		assertGenericFailure(reply);
	}

	@Test
	void loginWithPasswordButNoUsernameFailsWithTheGenericAnswer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "password", user.password())));

		assertGenericFailure(reply);
	}
}
