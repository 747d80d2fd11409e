package com.gatehouse.session;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.user.UserRemoved;

/** Ends every session of a deleted user, in whichever store holds sessions. */
@Component
final class UserSessionsEnder {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessionsEnder(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void onUserRemoved(UserRemoved removed) {
		this.sessions.findByPrincipalName(Long.toString(removed.userId())).keySet().forEach(this.sessions::deleteById);
	}
}
