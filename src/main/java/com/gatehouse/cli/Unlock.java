package com.gatehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import com.gatehouse.user.User;
import com.gatehouse.user.UserUnlock;

/** {@code admin unlock LOGIN} (or {@code enable}): the way back in for a disabled or locked-out user. */
@Command(name = "unlock", aliases = "enable", header = "Enable a user and lift its login lock.",
		description = { "Enables the user LOGIN if it is disabled, and lifts the lock that too many failed logins put "
				+ "on it (and forgets those failures), so it can sign in again at once. Its password, sessions and "
				+ "keys are left as they are. Audited as user.updated (when it was disabled) and login.unlocked." })
final class Unlock implements AdminAction {

	@Parameters(paramLabel = "LOGIN", description = "the user's login, whatever its case")
	private String login = "";

	@Override
	public void run(Store store, Terminal terminal) {
		User user = store.service(UserUnlock.class).unlock(store.user(this.login));
		terminal.note("'%s' (id %d) is enabled and not locked", user.login(), user.id());
	}
}
