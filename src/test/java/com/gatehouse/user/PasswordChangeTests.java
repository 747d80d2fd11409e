package com.gatehouse.user;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.SessionAssertions.assertAlive;
import static com.gatehouse.SessionAssertions.assertEnded;
import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password changes over HTTP: your own needs the current password and ends your other sessions;
 * an admin reset needs none and ends them all; keys live on. The audit trail is read from the
 * store, as it has no read call of its own yet.
 */
@GatehouseTest
class PasswordChangeTests {

	private static final String NEW_PASSWORD = "a-brand-new-password";

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	@Test
	void ownPasswordChangeWithoutCurrentPasswordFailsAndChangesNothing() {
		TestUser user = newUser();
		String other = this.directory.login(user);
		String current = this.directory.login(user);

		Api.Reply reply = changeOwn(current, user, Map.of("password", NEW_PASSWORD));

		assertFailure(reply, 400, "user.current_password");
		assertUnchanged(user, other, current);
	}

	@Test
	void ownPasswordChangeWithAWrongCurrentPasswordFailsAlikeAndChangesNothing() {
		TestUser user = newUser();
		String other = this.directory.login(user);
		String current = this.directory.login(user);

		Api.Reply wrong = changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", "not-my-password"));
		Api.Reply missing = changeOwn(current, user, Map.of("password", NEW_PASSWORD));

		assertFailure(wrong, 400, "user.current_password");
		assertThat(wrong.body()).isEqualTo(missing.body());
		assertUnchanged(user, other, current);
	}

	@Test
	void ownPasswordChangeWithCurrentPasswordEndsTheOtherSessionsAndKeepsTheCurrentOne() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String current = this.directory.login(user);
		String third = this.directory.login(user);

		Api.Reply reply = changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.body()).doesNotContain(NEW_PASSWORD).doesNotContain(user.password());
		assertEnded(this.api, first);
		assertEnded(this.api, third);
		assertAlive(this.api, current);
		assertFailure(login(user, user.password()), 401, "auth.failed");
		assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void ownPasswordChangeNamingYourselfByLoginWorksToo() {
		TestUser user = newUser();
		String current = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/update/user", Map.of("scope", Map.of("login", user.login()),
				"values", Map.of("password", NEW_PASSWORD, "current_password", user.password())), current);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void ownPasswordChangeOfASystemAdminNeedsTheCurrentPasswordToo() {
		TestUser systemAdmin = this.directory.newUser(this.directory.newCompany(), "System-Admin");
		String current = this.directory.login(systemAdmin);

		assertFailure(changeOwn(current, systemAdmin, Map.of("password", NEW_PASSWORD)), 400, "user.current_password");
		assertThat(login(systemAdmin, systemAdmin.password()).status()).isEqualTo(200);
	}

	@Test
	void ownPasswordChangeWithAKeyIsRefusedEvenWithTheCurrentPasswordAndChangesNothing() {
		TestUser user = newUser();
		String session = this.directory.login(user);
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/ops/update/user", Map.of("scope", Map.of("id", user.id()),
				"values", Map.of("password", NEW_PASSWORD, "current_password", user.password())), "Authorization", "token auth=" + key);

		assertFailure(reply, 403, "user.key_not_allowed");
		assertThat(login(user, user.password()).status()).isEqualTo(200);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@Test
	void userCanChangeOnlyItsPasswordItselfNotItsOtherValues() {
		TestUser user = newUser();
		String current = this.directory.login(user);

		Api.Reply reply = changeOwn(current, user,
				Map.of("password", NEW_PASSWORD, "current_password", user.password(), "name", "Self-renamed"));

		assertFailure(reply, 403, "permission.denied");
		assertThat(login(user, user.password()).status()).isEqualTo(200);
	}

	@Test
	void afterFiveWrongCurrentPasswordsEvenTheRightOneIsThrottled() {
		TestUser user = newUser();
		String current = this.directory.login(user);
		for (int i = 0; i < 5; i++) {
			assertFailure(changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", "guess-" + i)), 400,
					"user.current_password");
		}

		Api.Reply reply = changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password()));

		assertFailure(reply, 429, "request.throttled");
		assertThat(reply.header("Retry-After")).hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
		assertThat(login(user, user.password()).status()).isEqualTo(200);
	}

	@Test
	void aRightCurrentPasswordForgetsEarlierWrongOnes() {
		TestUser user = newUser();
		String current = this.directory.login(user);
		for (int i = 0; i < 4; i++) {
			changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", "guess-" + i));
		}
		assertThat(changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password())).status())
			.isEqualTo(200);

		for (int i = 0; i < 4; i++) {
			changeOwn(current, user, Map.of("password", "another-new-password", "current_password", "guess-" + i));
		}

		assertThat(changeOwn(current, user, Map.of("password", "another-new-password", "current_password", NEW_PASSWORD))
			.status()).isEqualTo(200);
	}

	@Test
	void adminResetNeedsNoCurrentPasswordAndEndsEverySessionOfTheUser() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", NEW_PASSWORD)));

		assertEnded(this.api, first);
		assertEnded(this.api, second);
		assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void companyAdminResetEndsEverySessionOfItsUserButNotItsOwn() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser user = this.directory.newUser(company, "User");
		String adminSession = this.directory.login(admin);
		String userSession = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/update/user",
				Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", NEW_PASSWORD)), adminSession);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertEnded(this.api, userSession);
		assertAlive(this.api, adminSession);
	}

	@Test
	void adminResetLeavesTheUsersKeysWorking() {
		TestUser user = newUser();
		String key = this.directory.newKey(user.id());

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", NEW_PASSWORD)));

		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
	}

	@Test
	void updateWithoutAPasswordEndsNoSession() {
		TestUser user = newUser();
		String session = this.directory.login(user);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("name", "Renamed")));

		assertAlive(this.api, session);
	}

	@Test
	void passwordChangesLeaveAuditEventsThatTellSelfServiceFromReset() {
		TestUser user = newUser();
		String current = this.directory.login(user);
		changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password()));

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", "reset-by-the-admin")));

		List<Map<String, Object>> events = this.jdbc
			.sql("SELECT login, company, detail FROM audit_events WHERE event = 'password.changed' AND contact_id = :id ORDER BY id")
			.param("id", user.id())
			.query()
			.listOfRows();
		assertThat(events).extracting((event) -> (String) event.get("detail")).satisfiesExactly(
				(detail) -> assertThat(detail).isEqualTo("self-service"),
				(detail) -> assertThat(detail).matches("reset by admin \\(id \\d+\\)"));
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("login")).isEqualTo(user.login());
			assertThat(event.get("company")).isEqualTo(user.company());
		});
		String trail = this.jdbc.sql("SELECT detail FROM audit_events WHERE contact_id = :id")
			.param("id", user.id())
			.query(String.class)
			.list()
			.toString();
		assertThat(trail).doesNotContain(NEW_PASSWORD).doesNotContain(user.password()).doesNotContain(current);
	}

	private void assertUnchanged(TestUser user, String... sessions) {
		for (String session : sessions) {
			assertAlive(this.api, session);
		}
		assertThat(login(user, user.password()).status()).isEqualTo(200);
		assertFailure(login(user, NEW_PASSWORD), 401, "auth.failed");
	}

	private Api.Reply changeOwn(String session, TestUser user, Map<String, Object> values) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", Map.of("id", user.id()));
		body.put("values", values);
		return this.api.postWithCookie("/rest/ops/update/user", body, session);
	}

	private Api.Reply login(TestUser user, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", password)));
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
