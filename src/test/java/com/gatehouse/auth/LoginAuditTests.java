package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.AuditRows;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verified password is a {@code login.success} and every failed credential a
 * {@code login.failure}, about the user when the login names one; the detail names the credential
 * kind and the reason, never the secret.
 */
@GatehouseTest
class LoginAuditTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	AuditRows audit;

	TestUser user;

	String address;

	@BeforeEach
	void setUp() {
		this.audit = new AuditRows(this.jdbc);
		this.user = this.directory.newUser(this.directory.newCompany(), "User");
		this.address = FakeAddress.unique();
	}

	@Test
	void loginWhenPasswordIsRightThenLoginSuccessAboutTheUser() {
		this.api.post("/rest/auth/", Map.of("auth", this.user.auth()), "X-Forwarded-For", this.address);

		assertThat(this.audit.from(this.address)).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("login.success");
			assertAboutTheUser(event);
			assertThat(event.detail()).isEqualTo("password accepted");
		});
	}

	@Test
	void loginWhenPasswordIsWrongThenLoginFailureAboutTheUser() {
		String wrong = "wrong-" + this.user.password();

		this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", this.user.login().toUpperCase(),
				"password", wrong)), "X-Forwarded-For", this.address);

		assertThat(this.audit.from(this.address)).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("login.failure");
			assertAboutTheUser(event);
			assertThat(event.detail()).isEqualTo("password refused: wrong password").doesNotContain(wrong);
		});
	}

	@Test
	void loginWhenLoginNamesNoUserThenLoginFailureAboutTheLoginAlone() {
		String login = Directory.unique("nobody");

		this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", "secret-guess")),
				"X-Forwarded-For", this.address);

		assertThat(this.audit.from(this.address)).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("login.failure");
			assertThat(event.contactId()).isNull();
			assertThat(event.company()).isNull();
			assertThat(event.login()).isEqualTo(login);
			assertThat(event.detail()).isEqualTo("password refused: unknown login");
		});
	}

	@Test
	void keyWhenUnknownThenLoginFailureNamingTheKindOnly() {
		String key = "gh_unknown_" + Directory.unique("key") + "_long_enough_to_be_a_key";

		this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key, "X-Forwarded-For", this.address);

		assertThat(this.audit.from(this.address)).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("login.failure");
			assertThat(event.login()).isNull();
			assertThat(event.detail()).startsWith("key refused: ").doesNotContain(key);
		});
	}

	@Test
	void cookieWhenItNamesNoSessionThenLoginFailure() {
		this.api.postWithCookie("/rest/auth/", Map.of(), "not-a-session", "X-Forwarded-For", this.address);

		assertThat(this.audit.from(this.address)).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("login.failure");
			assertThat(event.detail()).isEqualTo("session refused: no live session");
		});
	}

	@Test
	void keyOrSessionInUseIsNoLoginEvent() {
		String key = this.directory.newKey(this.user.id());
		String session = this.directory.login(this.user);

		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key, "X-Forwarded-For",
				this.address).status()).isEqualTo(200);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session, "X-Forwarded-For", this.address).status())
			.isEqualTo(200);

		assertThat(this.audit.from(this.address)).isEmpty();
	}

	private void assertAboutTheUser(AuditRows.Row event) {
		assertThat(event.contactId()).isEqualTo(this.user.id());
		assertThat(event.login()).isEqualTo(this.user.login());
		assertThat(event.company()).isEqualTo(this.user.company());
		assertThat(event.ip()).isEqualTo(this.address);
	}
}
