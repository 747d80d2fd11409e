package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console clears a refused session cookie with the attributes it was set with (one serializer
 * writes, reads and clears it), so a browser matches and drops it: the same path, HttpOnly and
 * SameSite as the login's cookie, expired at once.
 */
@GatehouseTest
class ConsoleCookieTests {

	@LocalServerPort
	int port;

	@Test
	void pageWhenCookieNamesNoSessionThenTheCookieIsClearedWithTheLoginCookiesAttributes() {
		Api api = new Api(this.port);
		TestUser user = new Directory(api).newUser(new Directory(api).newCompany(), "User");
		String set = api.post("/rest/auth/", Map.of("auth", user.auth())).sessionSetCookie().orElseThrow();

		Api.Reply page = api.get("/admin/account", "Cookie", Api.COOKIE + "=no-such-session-" + Directory.unique("s"),
				"X-Forwarded-For", "10.99." + (System.nanoTime() % 250) + ".7");

		String cleared = page.sessionSetCookie().orElseThrow();
		assertThat(cleared).startsWith(Api.COOKIE + "=;").contains("Max-Age=0");
		assertThat(attributes(cleared)).isEqualTo(attributes(set));
	}

	/** The cookie's attributes but its value and lifetime. */
	private static String attributes(String setCookie) {
		return setCookie.replaceAll("^[^;]*", "").replaceAll("; (Max-Age|Expires)=[^;]*", "");
	}
}
