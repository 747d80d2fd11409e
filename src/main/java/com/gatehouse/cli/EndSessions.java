package com.gatehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import com.gatehouse.permission.Manageable;
import com.gatehouse.session.SessionAccess;
import com.gatehouse.user.User;

/** {@code admin end-sessions LOGIN}: signs a user out everywhere. */
@Command(name = "end-sessions", header = "End every session of a user.",
		description = { "Ends every live session of the user LOGIN, in the session store the service is configured with "
				+ "(the database, or Redis with GATEHOUSE_SESSIONS_STORE=redis): the next call with one of its cookies "
				+ "answers 401. Auth Keys are not sessions: see revoke-key. Audited as session.ended, one event a session." })
final class EndSessions implements AdminAction {

	@Parameters(paramLabel = "LOGIN", description = "the user's login, whatever its case")
	private String login = "";

	@Override
	public void run(Store store, Terminal terminal) {
		SessionAccess sessions = store.service(SessionAccess.class);
		Manageable<User> owner = store.user(this.login);
		int live = sessions.list(owner, null).size();
		sessions.endAll(owner);
		terminal.note("ended %d session(s) of '%s' (id %d)", live, owner.subject().login(), owner.subject().id());
	}
}
