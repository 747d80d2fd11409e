package com.gatehouse.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the admin command line answers before it opens any store: its man-page help and its usage errors. */
class AdminHelpTests {

	@Test
	void helpIsAManPageOnStandardOutputWithExitStatusZero() {
		AdminRun run = AdminRun.withoutStore("", false, "--help");

		assertThat(run.status()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).containsSubsequence("NAME", "SYNOPSIS", "java -jar gatehouse.jar admin", "DESCRIPTION",
				"COMMANDS", "reset-password", "unlock, enable", "create-admin", "list-users", "list-keys", "revoke-key",
				"end-sessions", "EXIT STATUS", "EXAMPLES");
	}

	@Test
	void eachCommandHasItsOwnPageByHelpCommandOrOption() {
		AdminRun viaHelp = AdminRun.withoutStore("", false, "help", "reset-password");
		AdminRun viaOption = AdminRun.withoutStore("", false, "reset-password", "--help");

		assertThat(viaHelp.status()).isZero();
		assertThat(viaHelp.out()).isEqualTo(viaOption.out())
			.containsSubsequence("NAME", "admin reset-password - ", "SYNOPSIS", "LOGIN", "DESCRIPTION", "standard input",
					"ARGUMENTS", "OPTIONS");
	}

	@Test
	void anUnknownCommandIsAUsageErrorWithExitStatusTwo() {
		AdminRun run = AdminRun.withoutStore("", false, "frobnicate");

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().lines()).containsExactly("gatehouse admin: Unmatched argument at index 0: 'frobnicate'",
				"Try 'java -jar gatehouse.jar admin --help'.");
	}

	@Test
	void noCommandAMissingLoginOrAnUnknownOptionAreUsageErrors() {
		assertThat(AdminRun.withoutStore("", false).status()).isEqualTo(2);
		AdminRun noLogin = AdminRun.withoutStore("", false, "reset-password");
		assertThat(noLogin.status()).isEqualTo(2);
		assertThat(noLogin.err()).contains("Missing required parameter: 'LOGIN'")
			.contains("Try 'java -jar gatehouse.jar admin reset-password --help'.");
		assertThat(AdminRun.withoutStore("", false, "list-users", "--colour").status()).isEqualTo(2);
	}

	@Test
	void revokeKeyNeedsKeyIdsOrAllButNotBoth() {
		AdminRun neither = AdminRun.withoutStore("", false, "revoke-key", "alice");
		AdminRun both = AdminRun.withoutStore("", false, "revoke-key", "alice", "12", "--all");

		assertThat(neither.status()).isEqualTo(2);
		assertThat(both.status()).isEqualTo(2);
		assertThat(neither.err()).startsWith("gatehouse admin: revoke-key needs KEY_IDs or --all, not both");
	}

	@Test
	void aPasswordIsReadFromStandardInputUnlessItIsATerminalOrEmpty() throws IOException {
		assertThat(terminal("chosen-password-1\r\nnext\n", false).newPassword())
			.isEqualTo(NewPassword.chosen("chosen-password-1"));
		NewPassword typed = terminal("typed-password-12\n", true).newPassword();
		assertThat(typed.generated()).isTrue();
		assertThat(typed.value()).isNotEqualTo("typed-password-12").hasSize(24);
		assertThat(terminal("", false).newPassword().generated()).isTrue();
		assertThat(terminal("\nsecond-line-password\n", false).newPassword().generated()).isTrue();
		assertThat(typed.toString()).doesNotContain(typed.value());
	}

	private static Terminal terminal(String stdin, boolean isTerminal) {
		PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
		return new Terminal(new ByteArrayInputStream(stdin.getBytes()), isTerminal, nowhere, nowhere);
	}
}
