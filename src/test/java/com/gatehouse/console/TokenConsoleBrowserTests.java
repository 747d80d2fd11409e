package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token Management and Sessions on the user edit screen, in a real browser, each checked from the
 * other side with a plain HTTP client against the REST API.
 */
class TokenConsoleBrowserTests extends BrowserTest {

	@Test
	void whenAnAuthKeyIsAddedThenItsShownValueWorksUntilItIsRevokedInTheConsole() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		signInAsAdmin();
		open("/admin/users/" + user.id());

		type("tokenName", "pbx sync");
		press("#add-token");

		assertThat(text("#shown-once")).contains("shown only this once").contains("will not be shown again");
		assertThat(find("#copy-token").isDisplayed()).isTrue();
		String key = text("#token-value");
		assertThat(key).startsWith("ghk_");
		Api.Reply withKey = keyCall(key);
		assertThat(withKey.status()).isEqualTo(200);
		assertThat(withKey.json().path("user").path("login").asString()).isEqualTo(user.login());

		press("#token-done");
		assertThat(text("#token-list")).contains("Auth Key").contains("pbx sync").contains("ghk_...")
			.contains("127.0.0.1").contains("active").doesNotContain(key);
		assertThat(this.browser.getPageSource()).doesNotContain(key);
		press("#token-list .revoke");
		assertThat(text("h1")).isEqualTo("Revoke this token?");
		press("#confirm");

		assertThat(text(".notice")).isEqualTo("The token was revoked.");
		assertThat(findAll("#token-list .revoke")).isEmpty();
		assertThat(text("#token-list")).contains("pbx sync").contains("revoked").contains("by " + Directory.ADMIN_LOGIN);
		assertFailure(keyCall(key), 401, "auth.failed");
	}

	@Test
	void whenRevokeIsCancelledThenTheKeyStillWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		signInAsAdmin();
		open("/admin/users/" + user.id());

		press("#token-list .revoke");
		press("#cancel");

		assertThat(path()).isEqualTo("/admin/users/" + user.id());
		assertThat(keyCall(key).status()).isEqualTo(200);
	}

	@Test
	void whenAKeyIsRotatedThenTheOldValueFailsAndTheNewOneWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String old = this.directory.newKey(user.id());
		signInAsAdmin();
		open("/admin/users/" + user.id());

		press("#token-list .rotate");
		assertThat(text("h1")).isEqualTo("Rotate this token?");
		press("#confirm");

		String fresh = text("#token-value");
		assertThat(fresh).isNotEqualTo(old);
		assertThat(keyCall(fresh).status()).isEqualTo(200);
		assertFailure(keyCall(old), 401, "auth.failed");
	}

	@Test
	void whenTheExpiryIsInThePastThenTheErrorIsNextToItAndTheNameStays() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		signInAsAdmin();
		open("/admin/users/" + user.id());

		type("tokenName", "kept name");
		this.browser.executeScript("document.getElementById('tokenExpires').value = '2000-01-01'");
		find("#tokenReadOnly").click();
		press("#add-token");

		assertThat(text("#tokenExpires-error")).isEqualTo("The expiry must lie in the future");
		assertThat(find("#tokenName").getDomProperty("value")).isEqualTo("kept name");
		assertThat(find("#tokenReadOnly").isSelected()).isTrue();
		assertThat(text("#no-tokens")).isEqualTo("No tokens.");
	}

	@Test
	void whenAReadOnlyKeyIsAddedThenTheListSaysSoAndTheKeyCannotWrite() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		signInAsAdmin();
		open("/admin/users/" + user.id());

		find("#tokenReadOnly").click();
		this.browser.executeScript("document.getElementById('tokenExpires').value = '2099-12-31'");
		press("#add-token");
		String key = text("#token-value");
		press("#token-done");

		assertThat(text("#token-list")).contains("read only").contains("2099-12-31 00:00 UTC");
		Api.Reply write = this.api.post("/rest/ops/create/company", Map.of("values", Map.of("id", "nope", "name", "No")),
				"Authorization", "token auth=" + key);
		assertThat(write.status()).isEqualTo(403);
	}

	@Test
	void whenASessionIsEndedInTheConsoleThenItsCookieFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String ending = this.directory.login(user);
		signInAsAdmin();
		open("/admin/users/" + user.id());
		assertThat(findAll(".end-session")).hasSize(1);
		String other = this.directory.login(user);

		press(".end-session");

		assertThat(text(".notice")).isEqualTo("The session was ended.");
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), ending), 401, "auth.failed");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), other).status()).isEqualTo(200);
	}

	@Test
	void whenAllSessionsAreEndedThenEveryCookieFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		signInAsAdmin();
		open("/admin/users/" + user.id());

		press("#end-all-sessions");

		assertThat(text(".notice")).isEqualTo("All the user's sessions were ended.");
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), first), 401, "auth.failed");
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), second), 401, "auth.failed");
	}

	@Test
	void whenAdminEndsItsOwnSessionThenTheBrowserIsSignedOut() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		signIn(companyAdmin);
		open("/admin/users/" + companyAdmin.id());
		assertThat(text("#session-list")).contains("(this session)");

		press("#end-all-sessions");

		assertThat(path()).isEqualTo("/admin/");
		open("/admin/users");
		assertThat(path()).isEqualTo("/admin/");
	}

	private Api.Reply keyCall(String key) {
		return this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}
}
