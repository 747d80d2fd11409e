package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

@GatehouseTest
class LoginTests {

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.directory = new Directory(this.api);
	}

	@Test
	void loginWithPasswordAnswersTheDocumentedUserObjectAndSetsTheSessionCookie() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		var json = reply.json().path("user");
		assertThat(json.propertyNames()).containsExactly("id", "login", "name", "company", "home", "session", "perms");
		assertThat(json.path("id").isNumber()).isTrue();
		assertThat(json.path("id").asLong()).isEqualTo(user.id());
		assertThat(json.path("login").asString()).isEqualTo(user.login());
		assertThat(json.path("company").asString()).isEqualTo(company);
		assertThat(json.path("home").asString()).isEqualTo(company);
		assertThat(json.path("perms").path("admin").asString()).isEqualTo("company");
		String cookie = reply.sessionSetCookie().orElseThrow();
		assertThat(cookie).contains("Path=/").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		assertThat(reply.sessionCookie()).contains(json.path("session").asString());
		assertThat(json.path("session").asString()).hasSizeGreaterThanOrEqualTo(43);
	}
}
