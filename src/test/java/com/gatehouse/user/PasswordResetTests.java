package com.gatehouse.user;

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
import static com.gatehouse.user.PasswordCalls.NEW_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin resetting a user's password over HTTP: it needs no current password and ends every session
 * of the user (a Company-Admin's own stays), keys live on, and an update without a password ends no
 * session. The audit trail tells a self-service change from a reset and holds no password; it is read
 * from the store, as it has no read call of its own yet.
 */
@GatehouseTest
class PasswordResetTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	PasswordCalls calls;

	@Test
	void adminResetNeedsNoCurrentPasswordAndEndsEverySessionOfTheUser() {
		TestUser user = this.calls.newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", NEW_PASSWORD)));

		assertEnded(this.api, first);
		assertEnded(this.api, second);
		assertThat(this.calls.login(user, NEW_PASSWORD).status()).isEqualTo(200);
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
		TestUser user = this.calls.newUser();
		String key = this.directory.newKey(user.id());

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", NEW_PASSWORD)));

		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key).status()).isEqualTo(200);
	}

	@Test
	void updateWithoutAPasswordEndsNoSession() {
		TestUser user = this.calls.newUser();
		String session = this.directory.login(user);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("name", "Renamed")));

		assertAlive(this.api, session);
	}

	@Test
	void passwordChangesLeaveAuditEventsThatTellSelfServiceFromReset() {
		TestUser user = this.calls.newUser();
		String current = this.directory.login(user);
		this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password()));

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
}
