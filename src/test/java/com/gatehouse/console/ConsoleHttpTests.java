package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.Secrets;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's security seen by a plain HTTP client: no session before sign-in, CSRF tokens on
 * every state-changing form, failed sign-ins counted with the API's, and HTML error pages that
 * never show a stack trace.
 */
@GatehouseTest
class ConsoleHttpTests {

	Api api;

	Directory directory;

	FormPosts forms;

	private String adminSession() {
		Api.Reply login = this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth()));
		return login.sessionCookie().orElseThrow();
	}

	private long keyId(String key) {
		return this.api.post("/rest/ops/read/authinfo", Map.of(), "Authorization", "token auth=" + key)
			.json()
			.path("values")
			.path(0)
			.path("id")
			.asLong();
	}

	@Test
	void whenSignInPageIsViewedThenNoSessionIsCreated() {
		Api.Reply page = this.api.get("/admin/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.sessionSetCookie()).isEmpty();
		assertThat(page.body()).contains("name=\"_csrf\"");
	}

	@Test
	void whenSignInHasNoCsrfTokenThenItIsRefusedAndNoSessionIsMade() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		Secrets.add(Secrets.Kind.PASSWORD, user.password());

		Api.Reply reply = this.forms.post("/admin/sign-in", Map.of("login", user.login(), "password", user.password()),
				null, null);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void whenSignInHasTheTokenThenItOpensASessionTheRestApiAccepts() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		Secrets.add(Secrets.Kind.PASSWORD, user.password());

		Api.Reply reply = this.forms.post("/admin/sign-in", Map.of("login", user.login(), "password", user.password()),
				null, this.forms.csrf("/admin/", null));

		assertThat(reply.status()).isEqualTo(302);
		assertThat(reply.header("Location").orElseThrow()).endsWith("/admin/users");
		String session = reply.sessionCookie().orElseThrow();
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@Test
	void whenStateChangingPostHasNoCsrfTokenThenItIsRefusedAndChangesNothing() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		String session = this.directory.login(user);

		Api.Reply reply = this.forms.post("/admin/sign-out", Map.of(), session, null);
		Api.Reply forged = this.forms.post("/admin/sign-out", Map.of("_csrf", "made-up-token-value"), session, null);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(forged.status()).isEqualTo(403);
		assertThat(reply.body()).contains("The form was refused").doesNotContain("Exception");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@Test
	void whenSignOutHasTheTokenThenTheSessionEnds() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		String session = this.directory.login(user);

		Api.Reply reply = this.forms.post("/admin/sign-out", Map.of(), session, this.forms.csrf("/admin/users", session));

		assertThat(reply.status()).isEqualTo(302);
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), session), 401, "auth.failed");
	}

	@Test
	void whenSignInsFailInTheConsoleThenTheyLockTheLoginForTheApiToo() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		FormPosts.Csrf csrf = this.forms.csrf("/admin/", null);
		for (int i = 0; i < 10; i++) {
			Api.Reply refused = this.forms.post("/admin/sign-in", Map.of("login", user.login(), "password", "wrong-" + i + "-password"),
					null, csrf);
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.body()).contains("Authentication failed");
		}

		assertFailure(this.api.post("/rest/auth/", Map.of("auth", user.auth())), 401, "auth.failed");
	}

	@Test
	void whenConsolePathNamesNothingThenAnHtml404Page() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "Company-Admin"));

		Api.Reply reply = this.api.get("/admin/no/such/page", "Cookie", Api.COOKIE + "=" + session);

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(reply.body()).contains("There is no such page").doesNotContain("Whitelabel").doesNotContain("Exception");
	}

	@Test
	void whenSignedOutClientAsksForAPageThenItIsRedirectedToSignIn() {
		Api.Reply reply = this.api.get("/admin/users");

		assertThat(reply.status()).isEqualTo(302);
		assertThat(reply.header("Location").orElseThrow()).endsWith("/admin/");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void whenRevokePathPairsAKeyWithAnotherUserThen404AndTheKeyStillWorks() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "User");
		TestUser other = this.directory.newUser(company, "User");
		String key = this.directory.newKey(owner.id());
		long keyId = keyId(key);
		String session = adminSession();

		Api.Reply reply = this.forms.post("/admin/users/" + other.id() + "/tokens/" + keyId + "/revoke", Map.of(), session,
				this.forms.csrf("/admin/users", session));

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).contains("There is no such key");
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
	}

	@Test
	void whenCompanyAdminPostsToAnotherCompanysUserThen404AndNothingChanges() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(stranger.id());
		String strangersSession = this.directory.login(stranger);
		String session = this.directory.login(companyAdmin);
		FormPosts.Csrf csrf = this.forms.csrf("/admin/users", session);

		Api.Reply revoke = this.forms.post("/admin/users/" + stranger.id() + "/tokens/" + keyId(key) + "/revoke", Map.of(),
				session, csrf);
		Api.Reply endAll = this.forms.post("/admin/users/" + stranger.id() + "/sessions/end-all", Map.of(), session, csrf);
		Api.Reply rename = this.forms.post("/admin/users/" + stranger.id(), Map.of("name", "Taken Over", "role", "User"),
				session, csrf);

		assertThat(revoke.status()).isEqualTo(404);
		assertThat(endAll.status()).isEqualTo(404);
		assertThat(rename.status()).isEqualTo(404);
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
		Api.Reply self = this.api.postWithCookie("/rest/auth/", Map.of(), strangersSession);
		assertThat(self.json().path("user").path("name").asString()).isEqualTo("Name of " + stranger.login());
	}

	@Test
	void whenFormsAreMalformedThenAnHtmlPageSaysSoAndNothingChanges() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String userSession = this.directory.login(user);
		String session = adminSession();
		FormPosts.Csrf csrf = this.forms.csrf("/admin/users", session);

		Api.Reply badHandle = this.forms.post("/admin/users/" + user.id() + "/sessions/end", Map.of("handle", "not-a-handle"),
				session, csrf);
		Api.Reply noHandle = this.forms.post("/admin/users/" + user.id() + "/sessions/end", Map.of(), session, csrf);
		Api.Reply badFlag = this.forms.post("/admin/users/" + user.id(), Map.of("name", "N", "enabled", "maybe"), session, csrf);
		Api.Reply badId = this.api.get("/admin/users/not-a-number", "Cookie", Api.COOKIE + "=" + session);

		assertThat(badHandle.status()).isEqualTo(404);
		assertThat(badHandle.body()).contains("There is no such session");
		assertThat(noHandle.status()).isEqualTo(400);
		assertThat(badFlag.status()).isEqualTo(400);
		assertThat(badId.status()).isEqualTo(404);
		for (Api.Reply reply : java.util.List.of(badHandle, noHandle, badFlag, badId)) {
			assertThat(reply.header("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(reply.body()).doesNotContain("Exception").doesNotContain("Whitelabel");
		}
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), userSession).status()).isEqualTo(200);
	}

	@Test
	void whenRestPathNamesNothingThenTheApiStillAnswersJson() {
		assertFailure(this.api.post("/rest/no/such/call", Map.of()), 404, "request.unknown_path");
	}
}
