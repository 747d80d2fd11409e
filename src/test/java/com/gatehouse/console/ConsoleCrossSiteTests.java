package com.gatehouse.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of another site that planted its own {@code gatehouse-csrf} cookie holds a token pair the
 * console accepts (issue 12). Its form post still fails: the browser says where the post comes from
 * ({@code Origin}, {@code Sec-Fetch-Site}), and the console refuses a cross-site post with its 403
 * page before it compares the token. The post here is sign-out, whose effect is easy to see.
 */
@GatehouseTest
class ConsoleCrossSiteTests {

	@LocalServerPort
	int port;

	Api api;

	FormPosts forms;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.forms = new FormPosts(this.api);
	}

	@ParameterizedTest
	@CsvSource({ "Origin, https://evil.example", "Sec-Fetch-Site, cross-site", "Origin, null" })
	void signOutWhenPostedCrossSiteWithAPlantedTokenPairThen403AndTheSessionLives(String header, String value) {
		String session = adminSession();
		FormPosts.Csrf planted = this.forms.csrf("/admin/", null);

		Api.Reply reply = postSignOut(session, planted, header, value);

		assertThat(reply.status()).as("%s", reply).isEqualTo(403);
		assertThat(reply.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "Sec-Fetch-Site, same-origin", "Origin, http://127.0.0.1:{port}" })
	void signOutWhenPostedFromTheConsolesOwnPageThenTheSessionEnds(String header, String value) {
		String session = adminSession();
		FormPosts.Csrf own = this.forms.csrf("/admin/users", session);

		Api.Reply reply = postSignOut(session, own, header, value.replace("{port}", Integer.toString(this.port)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(302);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(401);
	}

	@Test
	void signOutWhenPostedWithAPlantedTokenPairAndNoOriginOrFetchHeaderThen403AndTheSessionLives() {
		String session = adminSession();
		FormPosts.Csrf planted = this.forms.csrf("/admin/", null);

		Api.Reply reply = postSignOut(session, planted);

		assertThat(reply.status()).as("%s", reply).isEqualTo(403);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@Test
	void signOutWhenPostedWithTheTokenOfAnotherSessionThen403AndTheSessionLives() {
		String session = adminSession();
		FormPosts.Csrf others = this.forms.csrf("/admin/users", adminSession());

		Api.Reply reply = postSignOut(session, others);

		assertThat(reply.status()).as("%s", reply).isEqualTo(403);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@Test
	void signInFormOverHttpsThenItsTokenCookieIsHostPrefixedAndSigningInWithItWorks() {
		Api.Reply page = this.api.get("/admin/", "X-Forwarded-Proto", "https");
		String cookie = page.headers().getOrDefault("set-cookie", List.of()).stream()
			.filter((header) -> header.startsWith("__Host-gatehouse-csrf="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no __Host- CSRF cookie: " + page.headers()));
		assertThat(cookie).contains("Path=/;").contains("Secure").contains("HttpOnly").doesNotContain("Domain");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();

		Api.Reply signIn = this.api.post("/admin/sign-in", "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
				+ "&login=" + Directory.ADMIN_LOGIN + "&password=" + Directory.ADMIN_PASSWORD, "Content-Type",
				"application/x-www-form-urlencoded", "Cookie", cookie.substring(0, cookie.indexOf(';')), "X-Forwarded-Proto",
				"https");

		assertThat(signIn.status()).as("%s", signIn).isEqualTo(302);
		assertThat(signIn.sessionCookie()).isPresent();
	}

	private Api.Reply postSignOut(String session, FormPosts.Csrf csrf, String... headers) {
		String cookies = Api.COOKIE + "=" + session
				+ ((csrf.cookie() != null) ? "; " + FormPosts.CSRF_COOKIE + "=" + csrf.cookie() : "");
		List<String> all = new ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies));
		all.addAll(List.of(headers));
		return this.api.post("/admin/sign-out", "_csrf=" + URLEncoder.encode(csrf.token(), StandardCharsets.UTF_8),
				all.toArray(String[]::new));
	}

	private String adminSession() {
		return this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).sessionCookie().orElseThrow();
	}
}
