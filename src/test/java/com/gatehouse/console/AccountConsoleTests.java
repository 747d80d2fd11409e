package com.gatehouse.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.Secrets;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My account" over plain HTTP, for a user with no admin rights: changing its own password needs
 * the current one (a wrong one is shown next to its field), a change keeps the session in use and
 * ends the others, and its own sessions are ended one at a time or all but the current one; another
 * user's session cannot be named. Own tokens are the user edit screen's Token Management, tested there
 * and by {@link PagesBrowserTests}.
 */
@GatehouseTest
class AccountConsoleTests {

	private static final Pattern TOKEN_VALUE = Pattern.compile("id=\"token-value\">([^<]+)<");

	private static final Pattern SESSION_HANDLE = Pattern.compile("name=\"handle\" value=\"([^\"]+)\"");

	Api api;

	Directory directory;

	FormPosts forms;

	@Test
	void whenCurrentPasswordIsWrongThenTheErrorIsNextToItAndThePasswordStays() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);
		String wanted = "a-new-password-" + user.login();
		Secrets.add(Secrets.Kind.PASSWORD, wanted);

		Api.Reply reply = changePassword(session, "not-my-password", wanted, wanted);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("id=\"currentPassword-error\"")
			.contains("That is not your current password")
			.doesNotContain(wanted)
			.doesNotContain("not-my-password");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenNewPasswordsDifferOrAreShortThenEachErrorIsNextToItsField() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply differ = changePassword(session, user.password(), "first-long-password", "second-long-password");
		Api.Reply shorter = changePassword(session, user.password(), "short", "short");

		assertThat(differ.status()).isEqualTo(400);
		assertThat(differ.body()).contains("id=\"confirm-error\"");
		assertThat(shorter.status()).isEqualTo(400);
		assertThat(shorter.body()).contains("id=\"password-error\"");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenPasswordIsChangedThenTheNewOneSignsInAndOnlyTheSessionInUseSurvives() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String other = this.directory.login(user);
		String session = this.directory.login(user);
		String wanted = "a-new-password-" + user.login();
		Secrets.add(Secrets.Kind.PASSWORD, wanted);

		Api.Reply reply = changePassword(session, user.password(), wanted, wanted);

		assertThat(reply.status()).isEqualTo(302);
		assertThat(reply.header("Location").orElseThrow()).endsWith("/admin/account?done=password");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), other), 401, "auth.failed");
		TestUser changed = new TestUser(user.id(), user.login(), wanted, user.company());
		assertThat(this.api.post("/rest/auth/", Map.of("auth", changed.auth())).status()).isEqualTo(200);
		assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(401);
	}

	@Test
	void whenPasswordFormHasNoCsrfTokenThenItIsRefusedAndThePasswordStays() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply reply = this.forms.post("/admin/account/password", Map.of("currentPassword", user.password(), "password",
				"a-forged-new-password", "confirm", "a-forged-new-password"), session, null);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenOwnSessionIsEndedThenItsCookieFailsAndTheCurrentOneWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String other = this.directory.login(user);
		String session = this.directory.login(user);
		List<String> handles = handles(session);

		Api.Reply reply = this.forms.post("/admin/account/sessions/end", Map.of("handle", handleOf(other)), session,
				this.forms.csrf("/admin/account", session));

		assertThat(handles).hasSize(2).contains(handleOf(session));
		assertThat(reply.status()).isEqualTo(302);
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), other), 401, "auth.failed");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
		assertThat(this.forms.page("/admin/account?done=session-ended", session).body()).contains("The session was ended.");
		assertThat(handles(session)).containsExactly(handleOf(session));
	}

	@Test
	void whenAllOtherSessionsAreEndedThenOnlyTheCurrentOneWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		String session = this.directory.login(user);

		Api.Reply reply = this.forms.post("/admin/account/sessions/end-others", Map.of(), session,
				this.forms.csrf("/admin/account", session));

		assertThat(reply.status()).isEqualTo(302);
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), first), 401, "auth.failed");
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), second), 401, "auth.failed");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
		assertThat(handles(session)).containsExactly(handleOf(session));
	}

	@Test
	void whenAnotherUsersSessionIsNamedThenItIs404AndTheSessionLives() {
		String company = this.directory.newCompany();
		TestUser victim = this.directory.newUser(company, "User");
		String victims = this.directory.login(victim);
		this.directory.login(victim);
		String handle = handles(victims).get(0);
		String session = this.directory.login(this.directory.newUser(company, "User"));

		Api.Reply reply = this.forms.post("/admin/account/sessions/end", Map.of("handle", handle), session,
				this.forms.csrf("/admin/account", session));

		assertThat(reply.status()).isEqualTo(404);
		assertThat(handles(victims)).contains(handle);
	}

	@Test
	void whenMalformedSessionIsNamedThenItIs404() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "User"));

		Api.Reply reply = this.forms.post("/admin/account/sessions/end", Map.of("handle", "not-a-handle"), session,
				this.forms.csrf("/admin/account", session));

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).contains("There is no such session");
	}

	@Test
	void whenUserAddsAnOwnTokenThenItsValueIsShownOnceAndTheTokenIsListedAndWorks() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		Api.Reply issued = this.forms.post("/admin/account/tokens", Map.of("name", "laptop", "expires", ""), session,
				this.forms.csrf("/admin/account", session));

		assertThat(issued.status()).isEqualTo(200);
		Matcher value = TOKEN_VALUE.matcher(issued.body());
		assertThat(value.find()).isTrue();
		String key = value.group(1);
		Secrets.add(Secrets.Kind.KEY, key);
		Api.Reply whoAmI = this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
		assertThat(whoAmI.json().path("user").path("login").asString()).isEqualTo(user.login());
		Api.Reply page = this.forms.page("/admin/account", session);
		assertThat(page.body()).contains("laptop").doesNotContain(key);
	}

	@Test
	void whenAnotherUsersTokenIsNamedOnMyAccountThenItIs404AndTheTokenWorks() {
		String company = this.directory.newCompany();
		TestUser owner = this.directory.newUser(company, "User");
		String key = this.directory.newKey(owner.id());
		Secrets.add(Secrets.Kind.KEY, key);
		long keyId = this.api.post("/rest/ops/read/authinfo", Map.of(), "Authorization", "token auth=" + key)
			.json()
			.path("values")
			.path(0)
			.path("id")
			.asLong();
		String session = this.directory.login(this.directory.newUser(company, "User"));

		Api.Reply confirm = this.forms.page("/admin/account/tokens/" + keyId + "/revoke", session);
		Api.Reply revoke = this.forms.post("/admin/account/tokens/" + keyId + "/revoke", Map.of(), session,
				this.forms.csrf("/admin/account", session));

		assertThat(confirm.status()).isEqualTo(404);
		assertThat(revoke.status()).isEqualTo(404);
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
	}

	private Api.Reply changePassword(String session, String current, String password, String confirm) {
		return this.forms.post("/admin/account/password",
				Map.of("currentPassword", current, "password", password, "confirm", confirm), session,
				this.forms.csrf("/admin/account", session));
	}

	/** The handle the REST API gives the session {@code cookie} (the current one of its own read). */
	private String handleOf(String cookie) {
		for (JsonNode row : this.api.postWithCookie("/rest/ops/read/session", Map.of(), cookie).json().path("values")) {
			if (row.path("current").asBoolean()) {
				return row.path("id").asString();
			}
		}
		throw new AssertionError("no current session in the session read");
	}

	/** The handles of the sessions the account page offers to end. */
	private List<String> handles(String session) {
		Matcher handle = SESSION_HANDLE.matcher(this.forms.page("/admin/account", session).body());
		List<String> found = new ArrayList<>();
		while (handle.find()) {
			found.add(handle.group(1));
		}
		return found;
	}
}
