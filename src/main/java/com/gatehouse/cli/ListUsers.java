package com.gatehouse.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.gatehouse.abuse.FailedCredentials;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;
import com.gatehouse.user.UserPage;

/** {@code admin list-users}: every user, or those of a company or matching a text, by login. */
@Command(name = "list-users", header = "List users.",
		description = { "Prints the users on standard output, one a line, by login: id, login, company, role and "
				+ "state (enabled or disabled, and locked while too many failed logins keep it locked)." })
final class ListUsers implements AdminAction {

	@Option(names = "--company", paramLabel = "COMPANY", description = "only the users of this company")
	private @Nullable String company;

	@Option(names = "--search", paramLabel = "TEXT", description = "only users whose login or name contains TEXT, whatever its case")
	private @Nullable String search;

	@Override
	public void run(Store store, Terminal terminal) {
		UserAccess users = store.service(UserAccess.class);
		FailedCredentials failures = store.service(FailedCredentials.class);
		Table table = new Table("ID", "LOGIN", "COMPANY", "ROLE", "STATE");
		UserPage page = users.search(store.operator(), this.company, this.search, 0);
		while (true) {
			for (User user : page.users()) {
				String state = (user.enabled() ? "enabled" : "disabled") + (failures.isLocked(user.login()) ? ",locked" : "");
				table.row(user.id(), user.login(), user.company(), user.role(), state);
			}
			if (!page.hasNext()) {
				break;
			}
			page = users.search(store.operator(), this.company, this.search, page.page() + 1);
		}
		table.print(terminal.out());
	}
}
