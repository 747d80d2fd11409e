package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.gatehouse.Api;
import com.gatehouse.DebugLogging;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** With everything of ours and of Spring Security logging at DEBUG, no credential path prints a secret. */
@GatehouseTest
@ExtendWith({ OutputCaptureExtension.class, DebugLogging.class })
class LogSecretsTests {

	Api api;

	Directory directory;

	@BeforeEach
	void setUp() {
		assertThat(LoggerFactory.getLogger("com.gatehouse.auth").isDebugEnabled()).isTrue();
		assertThat(LoggerFactory.getLogger("org.springframework.security").isDebugEnabled()).isTrue();
	}

	@Test
	void passwordLoginAndSessionCheckLogNeitherThePasswordNorTheCookie(CapturedOutput output) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply login = this.api.post("/rest/auth/", Map.of("auth", user.auth()));
		String session = login.sessionCookie().orElseThrow();
		Api.Reply check = this.api.postWithCookie("/rest/auth/", Map.of("auth", Map.of("type", "auth")), session);

		assertThat(login.status()).isEqualTo(200);
		assertThat(check.status()).isEqualTo(200);
		assertThat(output.getAll()).contains("login=\"" + user.login() + "\"", " DEBUG ")
			.doesNotContain(user.password(), session, Directory.ADMIN_PASSWORD);
	}

	@Test
	void keyInHeaderAndInBodyIsNotLogged(CapturedOutput output) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());

		Api.Reply header = this.api.post("/rest/auth/", "{}", "Authorization", "token auth=" + key);
		Api.Reply body = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", key)));

		assertThat(header.status()).isEqualTo(200);
		assertThat(body.status()).isEqualTo(200);
		assertThat(output.getAll()).contains("credential=key").doesNotContain(key, user.password());
	}

	@Test
	void wrongPasswordIsNotLogged(CapturedOutput output) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String wrong = "wrong-" + user.password();

		Api.Reply reply = this.api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", wrong)));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(output.getAll()).contains("outcome=failure").doesNotContain(wrong, user.password());
	}

	@Test
	void badKeyIsNotLogged(CapturedOutput output) {
		String badKey = "not-a-key-" + Directory.unique("k") + "-0123456789abcdef";

		Api.Reply header = this.api.post("/rest/auth/", "{}", "Authorization", "token auth=" + badKey);
		Api.Reply body = this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", badKey)));
		Api.Reply malformedHeader = this.api.post("/rest/auth/", "{}", "Authorization", "Bearer " + badKey);

		assertThat(header.status()).isEqualTo(401);
		assertThat(body.status()).isEqualTo(401);
		assertThat(malformedHeader.status()).isEqualTo(401);
		assertThat(output.getAll()).contains("outcome=failure credential=key").doesNotContain(badKey);
	}

	@Test
	void unknownSessionCookieIsNotLogged(CapturedOutput output) {
		String madeUp = "made-up-session-" + Directory.unique("s");

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of("auth", Map.of("type", "auth")), madeUp);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(output.getAll()).contains("outcome=failure credential=session").doesNotContain(madeUp);
	}

	@Test
	void loginWithControlCharactersIsLoggedEscapedOnOneLineAndAnsweredWithTheGeneric401(CapturedOutput output) {
		String password = "pw-" + Directory.unique("forged");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth",
				Map.of("type", "auth", "username", "evil\nINFO forged line\u0007", "password", password)));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().propertyNames()).containsExactly("result", "message", "code");
		assertThat(reply.code()).isEqualTo("auth.failed");
		assertThat(output.getAll()).contains("login=\"evil\\nINFO forged line\\u0007\"")
			.doesNotContain("\u0007", password)
			.doesNotContainPattern("(?m)^INFO forged line");
	}
}
