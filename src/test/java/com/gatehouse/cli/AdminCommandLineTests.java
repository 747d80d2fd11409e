package com.gatehouse.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar gatehouse.jar admin ...} run in this JVM against the running service's store
 * (H2 or PostgreSQL; sessions: {@link AdminSessionTests}), each
 * change then checked over HTTP as a client sees it, audit trail included.
 */
@GatehouseTest
class AdminCommandLineTests {

	@Autowired
	Environment environment;

	Api api;

	Directory directory;

	@Test
	void resetPasswordSetsTheFirstLineOfStandardInputEndsEverySessionAndIsAuditedAsTheOperator() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);
		String chosen = "a-new-password-from-a-file";

		AdminRun run = admin(chosen + "\nignored second line\n", "reset-password", user.login().toUpperCase());

		assertThat(run.status()).as("%s", run).isZero();
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("reset the password of '" + user.login() + "'").doesNotContain(chosen);
		assertThat(login(user.login(), user.password()).status()).isEqualTo(401);
		assertThat(login(user.login(), chosen).status()).isEqualTo(200);
		assertThat(whoAmI(session).status()).isEqualTo(401);
		assertThat(events(user.id())).anySatisfy((event) -> {
			assertThat(event.path("event").asString()).isEqualTo("password.changed");
			assertThat(event.path("detail").asString()).matches("reset by cli:\\S+ \\(id 0\\)");
		}).anySatisfy((event) -> assertThat(event.path("event").asString()).isEqualTo("session.ended"));
	}

	@Test
	void resetPasswordWithNothingOnStandardInputPrintsAGeneratedPasswordAloneThatSignsIn() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		AdminRun run = admin("", "reset-password", user.login());

		assertThat(run.status()).as("%s", run).isZero();
		String generated = run.out().strip();
		assertThat(run.out()).isEqualTo(generated + System.lineSeparator());
		assertThat(generated).hasSizeGreaterThanOrEqualTo(12).doesNotContainAnyWhitespaces();
		assertThat(run.err()).doesNotContain(generated);
		assertThat(login(user.login(), generated).status()).isEqualTo(200);
	}

	@Test
	void unlockEnablesADisabledLockedOutUserWhomListUsersShowsSoAndItSignsInAgainAtOnce() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));
		for (int i = 0; i < 10; i++) {
			login(user.login(), "a-wrong-password-" + i);
		}
		AdminRun listed = admin("", "list-users", "--company", user.company(), "--search", user.login());
		assertThat(listed.err()).isEmpty();
		assertThat(listed.out()).containsPattern(user.login() + "\\s+" + user.company() + "\\s+User\\s+disabled,locked");

		AdminRun run = admin("", "unlock", user.login());

		assertThat(run.status()).as("%s", run).isZero();
		assertThat(login(user.login(), user.password()).status()).isEqualTo(200);
		assertThat(events(user.id())).extracting((event) -> event.path("event").asString())
			.contains("login.unlocked", "user.updated");
	}

	@Test
	void createAdminMakesASystemAdminWithThePasswordGiven() {
		String login = Directory.unique("rescue");

		AdminRun run = admin("rescue-password-123\n", "create-admin", login, "--name", "Rescue Admin");

		assertThat(run.status()).as("%s", run).isZero();
		Api.Reply reply = login(login, "rescue-password-123");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("user").path("perms").path("admin").asString()).isEqualTo("yes");
		assertThat(reply.json().path("user").path("companies")).isNotEmpty();
		long id = reply.json().path("user").path("id").asLong();
		assertThat(events(id)).anySatisfy((event) -> {
			assertThat(event.path("event").asString()).isEqualTo("user.created");
			assertThat(event.path("detail").asString()).startsWith("by cli:");
		});
	}

	@Test
	void revokeKeyStopsTheKeysItNamesAtOnceAndListKeysShowsWhatIsLeft() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		Map.Entry<Long, String> revoked = newKey(user);
		Map.Entry<Long, String> kept = newKey(user);

		AdminRun run = admin("", "revoke-key", user.login(), Long.toString(revoked.getKey()));

		assertThat(run.status()).as("%s", run).isZero();
		assertThat(byKey(revoked.getValue()).status()).isEqualTo(401);
		assertThat(byKey(kept.getValue()).status()).isEqualTo(200);
		AdminRun keys = admin("", "list-keys", user.login());
		assertThat(keys.out()).containsPattern("(?m)^" + kept.getKey() + "\\s+ghk_\\.\\.\\." + kept.getValue().substring(kept.getValue().length() - 4))
			.doesNotContain(kept.getValue())
			.doesNotContainPattern("(?m)^" + revoked.getKey() + "\\s");
	}

	@Test
	void anUnknownLoginIsOneLineOnStandardErrorAndExitStatusOne() {
		AdminRun run = admin("", "end-sessions", "nobody-" + Directory.unique("x"));

		assertThat(run.status()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().lines()).containsExactly("gatehouse admin: end-sessions: There is no such user (user.unknown)");
	}

	@Test
	void aPasswordTooShortIsRefusedWithoutBeingShownAndChangesNothing() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		AdminRun run = admin("short-pw\n", "reset-password", user.login());

		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err().lines()).singleElement().asString()
			.contains("password size must be between 12 and 128")
			.doesNotContain("short-pw");
		assertThat(login(user.login(), user.password()).status()).isEqualTo(200);
	}

	@Test
	void aStoreThatCannotBeReachedIsOneLineAndExitStatusThree() {
		AdminRun run = AdminRun.withoutStore("", false, "--spring.profiles.active=test",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/gatehouse", "list-users");

		assertThat(run.status()).as("%s", run).isEqualTo(3);
		assertThat(run.err().lines()).singleElement().asString().startsWith("gatehouse admin: cannot use the store: ");
	}

	private AdminRun admin(String stdin, String... args) {
		return AdminRun.of(this.environment, stdin, args);
	}

	private Api.Reply login(String login, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}

	private Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}

	private Api.Reply byKey(String key) {
		return this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}

	/** A new key of the user: its id and its value. */
	private Map.Entry<Long, String> newKey(TestUser user) {
		JsonNode row = this.directory.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id())))
			.json().path("values").path(0);
		return Map.entry(row.path("id").asLong(), row.path("token").asString());
	}

	private List<JsonNode> events(long userId) {
		return this.directory.asAdmin("read", "audit", Map.of("scope", Map.of("contact_id", userId)))
			.json().path("values").valueStream().toList();
	}
}
