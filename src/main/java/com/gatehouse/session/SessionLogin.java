package com.gatehouse.session;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;

/**
 * Opens and ends login sessions through the servlet request, which Spring Session backs with the
 * store and answers with the cookie. Only {@code /rest/auth/} calls it: no other call ever creates
 * or changes a session (rest-api.md §3).
 */
@Component
public final class SessionLogin {

	private final SessionProperties limits;

	private final Clock clock;

	SessionLogin(SessionProperties limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Logs {@code caller} into the session the request's cookie names, if it is live: the session
	 * keeps its identity, gets the new user and a fresh id (the old cookie value dies at once).
	 * Otherwise a new session is created, so a client can never choose its own session id. Answers
	 * the session id, which is also the cookie value.
	 */
	public String open(HttpServletRequest request, Caller caller) {
		HttpSession session = liveSession(request);
		if (session == null) {
			session = request.getSession(true);
		}
		else {
			request.changeSessionId();
		}
		session.setAttribute(SessionAttributes.USER_ID, caller.userId());
		session.setAttribute(SessionAttributes.PRINCIPAL, Long.toString(caller.userId()));
		return session.getId();
	}

	/** Ends the session the request's cookie names; Spring Session clears the cookie. */
	public boolean close(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		session.invalidate();
		return true;
	}

	private @Nullable HttpSession liveSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && SessionAttributes.isOver(Instant.ofEpochMilli(session.getCreationTime()),
				Instant.ofEpochMilli(session.getLastAccessedTime()), this.limits, this.clock)) {
			session.invalidate();
			return null;
		}
		return session;
	}
}
