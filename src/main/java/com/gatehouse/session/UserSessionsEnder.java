package com.gatehouse.session;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.gatehouse.user.PasswordChanged;
import com.gatehouse.user.UserLookup;
import com.gatehouse.user.UserRemoved;

/**
 * Ends a user's sessions when what they stood on changes: every session of a deleted user, and on a
 * password change every session but the one the user changed its own password with (an admin
 * reset keeps none), so a stolen cookie dies with the old password.
 */
@Component
final class UserSessionsEnder {

	private final UserSessions sessions;

	private final UserLookup users;

	UserSessionsEnder(UserSessions sessions, UserLookup users) {
		this.sessions = sessions;
		this.users = users;
	}

	@EventListener
	void onUserRemoved(UserRemoved removed) {
		this.sessions.forget(removed.userId());
	}

	@EventListener
	void onPasswordChanged(PasswordChanged changed) {
		this.users.findById(changed.userId())
			.ifPresent((owner) -> this.sessions.endAll(owner, changed.keepSessionId(), "password changed " + changed.by()));
	}
}
