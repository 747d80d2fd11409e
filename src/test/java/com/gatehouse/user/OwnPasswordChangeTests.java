package com.gatehouse.user;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.SessionAssertions.assertAlive;
import static com.gatehouse.SessionAssertions.assertEnded;
import static com.gatehouse.user.PasswordCalls.NEW_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing your own password over HTTP: it needs the current password (a missing and a wrong one fail
 * alike and change nothing, a System-Admin's too), never works with an Auth Key, changes nothing else
 * of your row, and ends your other sessions but not the current one. Five wrong current passwords
 * throttle even the right one; a right one forgets the wrong ones before it.
 */
@GatehouseTest
class OwnPasswordChangeTests {

	Api api;

	Directory directory;

	PasswordCalls calls;

	@Test
	void ownPasswordChangeWithoutCurrentPasswordFailsAndChangesNothing() {
		TestUser user = this.calls.newUser();
		String other = this.directory.login(user);
		String current = this.directory.login(user);

		Api.Reply reply = this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD));

		assertFailure(reply, 400, "user.current_password");
		assertUnchanged(user, other, current);
	}

	@Test
	void ownPasswordChangeWithAWrongCurrentPasswordFailsAlikeAndChangesNothing() {
		TestUser user = this.calls.newUser();
		String other = this.directory.login(user);
		String current = this.directory.login(user);

		Api.Reply wrong = this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", "not-my-password"));
		Api.Reply missing = this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD));

		assertFailure(wrong, 400, "user.current_password");
		assertThat(wrong.body()).isEqualTo(missing.body());
		assertUnchanged(user, other, current);
	}

	@Test
	void ownPasswordChangeWithCurrentPasswordEndsTheOtherSessionsAndKeepsTheCurrentOne() {
		TestUser user = this.calls.newUser();
		String first = this.directory.login(user);
		String current = this.directory.login(user);
		String third = this.directory.login(user);

		Api.Reply reply = this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.body()).doesNotContain(NEW_PASSWORD).doesNotContain(user.password());
		assertEnded(this.api, first);
		assertEnded(this.api, third);
		assertAlive(this.api, current);
		assertFailure(this.calls.login(user, user.password()), 401, "auth.failed");
		assertThat(this.calls.login(user, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void ownPasswordChangeNamingYourselfByLoginWorksToo() {
		TestUser user = this.calls.newUser();
		String current = this.directory.login(user);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/update/user", Map.of("scope", Map.of("login", user.login()),
				"values", Map.of("password", NEW_PASSWORD, "current_password", user.password())), current);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(this.calls.login(user, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void ownPasswordChangeOfASystemAdminNeedsTheCurrentPasswordToo() {
		TestUser systemAdmin = this.directory.newUser(this.directory.newCompany(), "System-Admin");
		String current = this.directory.login(systemAdmin);

		assertFailure(this.calls.changeOwn(current, systemAdmin, Map.of("password", NEW_PASSWORD)), 400, "user.current_password");
		assertThat(this.calls.login(systemAdmin, systemAdmin.password()).status()).isEqualTo(200);
	}

	@Test
	void ownPasswordChangeWithAKeyIsRefusedEvenWithTheCurrentPasswordAndChangesNothing() {
		TestUser user = this.calls.newUser();
		String session = this.directory.login(user);
		String key = this.directory.newKey(user.id());

		Api.Reply reply = this.api.post("/rest/ops/update/user", Map.of("scope", Map.of("id", user.id()),
				"values", Map.of("password", NEW_PASSWORD, "current_password", user.password())), "Authorization", "token auth=" + key);

		assertFailure(reply, 403, "user.key_not_allowed");
		assertThat(this.calls.login(user, user.password()).status()).isEqualTo(200);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	@Test
	void userCanChangeOnlyItsPasswordItselfNotItsOtherValues() {
		TestUser user = this.calls.newUser();
		String current = this.directory.login(user);

		Api.Reply reply = this.calls.changeOwn(current, user,
				Map.of("password", NEW_PASSWORD, "current_password", user.password(), "name", "Self-renamed"));

		assertFailure(reply, 403, "permission.denied");
		assertThat(this.calls.login(user, user.password()).status()).isEqualTo(200);
	}

	@Test
	void afterFiveWrongCurrentPasswordsEvenTheRightOneIsThrottled() {
		TestUser user = this.calls.newUser();
		String current = this.directory.login(user);
		for (int i = 0; i < 5; i++) {
			assertFailure(this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", "guess-" + i)), 400,
					"user.current_password");
		}

		Api.Reply reply = this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password()));

		assertFailure(reply, 429, "request.throttled");
		assertThat(reply.header("Retry-After")).hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
		assertThat(this.calls.login(user, user.password()).status()).isEqualTo(200);
	}

	@Test
	void aRightCurrentPasswordForgetsEarlierWrongOnes() {
		TestUser user = this.calls.newUser();
		String current = this.directory.login(user);
		for (int i = 0; i < 4; i++) {
			this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", "guess-" + i));
		}
		assertThat(this.calls.changeOwn(current, user, Map.of("password", NEW_PASSWORD, "current_password", user.password())).status())
			.isEqualTo(200);

		for (int i = 0; i < 4; i++) {
			this.calls.changeOwn(current, user, Map.of("password", "another-new-password", "current_password", "guess-" + i));
		}

		assertThat(this.calls.changeOwn(current, user, Map.of("password", "another-new-password", "current_password", NEW_PASSWORD))
			.status()).isEqualTo(200);
	}

	private void assertUnchanged(TestUser user, String... sessions) {
		for (String session : sessions) {
			assertAlive(this.api, session);
		}
		assertThat(this.calls.login(user, user.password()).status()).isEqualTo(200);
		assertFailure(this.calls.login(user, NEW_PASSWORD), 401, "auth.failed");
	}
}
