package com.gatehouse.cli;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import com.gatehouse.user.User;
import com.gatehouse.user.UserChanges;
import com.gatehouse.user.CreateUser;

/** {@code admin create-admin LOGIN}: a new System-Admin, for a store whose admins are all lost. */
@Command(name = "create-admin", header = "Create a System-Admin.",
		description = { "Creates the enabled user LOGIN with the role System-Admin. Its password is the first line of "
				+ "standard input or, when standard input is a terminal or gives an empty line, a generated one, "
				+ "printed alone on standard output. The rules of a user create apply (a login of 1 to 64 of "
				+ "A-Z a-z 0-9 . _ @ + -, unique whatever its case; a password of 12 to 128 characters). Audited "
				+ "as user.created." })
final class CreateAdmin implements AdminAction {

	private static final String SYSTEM_ADMIN = "System-Admin";

	@Parameters(paramLabel = "LOGIN", description = "the new user's login")
	private String login = "";

	@Option(names = "--name", paramLabel = "NAME", description = "the user's name (default: the login)")
	private @Nullable String name;

	@Option(names = "--company", paramLabel = "COMPANY", defaultValue = "default",
			description = "the company the user belongs to (default: ${DEFAULT-VALUE})")
	private String company = "default";

	@Override
	public void run(Store store, Terminal terminal) throws IOException {
		NewPassword password = terminal.newPassword();
		CreateUser command = new CreateUser(this.login, this.name, password.value(), this.company, SYSTEM_ADMIN, true);
		store.check(command);
		User user = store.service(UserChanges.class).create(store.operator(), command);
		terminal.note("created the System-Admin '%s' (id %d) in company '%s'", user.login(), user.id(), user.company());
		password.showIfGenerated(terminal);
	}
}
