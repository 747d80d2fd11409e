package com.gatehouse.cli;

import java.io.IOException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import com.gatehouse.permission.Manageable;
import com.gatehouse.user.User;
import com.gatehouse.user.UserChanges;
import com.gatehouse.user.ChangeUser;

/** {@code admin reset-password LOGIN}: an admin's password reset, as the console's, for a lost password. */
@Command(name = "reset-password", header = "Set a user's password; its sessions end.",
		description = { "Sets the password of the user LOGIN to the first line of standard input, or, when standard "
				+ "input is a terminal or gives an empty line, to a generated one, which is printed alone on standard "
				+ "output. Like a reset in the console: the password must be 12 to 128 characters, it is hashed as "
				+ "the service hashes it, every session of the user ends, its Auth Keys keep working, and the "
				+ "audit trail records password.changed and session.ended. It does not lift a lock or enable the "
				+ "user: see unlock." })
final class ResetPassword implements AdminAction {

	@Parameters(paramLabel = "LOGIN", description = "the user's login, whatever its case")
	private String login = "";

	@Override
	public void run(Store store, Terminal terminal) throws IOException {
		Manageable<User> user = store.user(this.login);
		NewPassword password = terminal.newPassword();
		ChangeUser change = ChangeUser.newPassword(password.value(), null);
		store.check(change);
		User changed = store.service(UserChanges.class).update(user, change);
		terminal.note("reset the password of '%s' (id %d); its sessions have ended", changed.login(), changed.id());
		password.showIfGenerated(terminal);
	}
}
