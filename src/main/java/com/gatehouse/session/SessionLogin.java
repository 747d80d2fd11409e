package com.gatehouse.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.user.UserRepository;

/**
 * Opens and ends login sessions through the servlet request, which Spring Session backs with the
 * store and answers with the cookie. Only {@code /rest/auth/} calls it: no other call ever creates
 * or changes a session (rest-api.md §3).
 */
@Component
public final class SessionLogin {

	private final SessionProperties limits;

	private final UserSessions sessions;

	private final UserRepository users;

	private final Clock clock;

	SessionLogin(SessionProperties limits, UserSessions sessions, UserRepository users, Clock clock) {
		this.limits = limits;
		this.sessions = sessions;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Logs {@code caller} into the session the request's cookie names, if it is live: the session
	 * keeps its identity, gets the new user and a fresh id (the old cookie value dies at once).
	 * Otherwise a new session is created, so a client can never choose its own session id. The
	 * session remembers the client's address and user agent for the session list, and the user's
	 * oldest sessions end if this one would pass the cap. Answers the session id, which is also the
	 * cookie value.
	 */
	public String open(HttpServletRequest request, Caller caller) {
		HttpSession live = liveSession(request);
		// Before the id changes: the store knows a live session by its old id until the response
		// commits. And before a new session exists: if the store is down, the call fails here with
		// nothing made, instead of failing once more when the response would save a new session.
		makeRoom(caller, (live != null) ? live.getId() : null);
		HttpSession session = (live != null) ? live : request.getSession(true);
		if (live != null) {
			request.changeSessionId();
		}
		session.setAttribute(SessionAttributes.USER_ID, caller.userId());
		session.setAttribute(SessionAttributes.PRINCIPAL, UserSessions.principal(caller.userId()));
		session.setAttribute(SessionAttributes.IP, request.getRemoteAddr());
		session.setAttribute(SessionAttributes.USER_AGENT, clipped(request.getHeader(HttpHeaders.USER_AGENT)));
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

	/**
	 * Ends the caller's oldest other sessions, so that with the one opening (the live session
	 * {@code reused}, or a new one) it holds at most the cap.
	 */
	private void makeRoom(Caller caller, @Nullable String reused) {
		List<Session> others = this.sessions.live(caller.userId())
			.stream()
			.filter((session) -> !session.getId().equals(reused))
			.toList();
		int excess = others.size() - (this.limits.maxPerUser() - 1);
		if (excess > 0) {
			this.users.findById(caller.userId())
				.ifPresent((owner) -> this.sessions.end(owner, others.subList(0, excess),
						"evicted by a new login: more than " + this.limits.maxPerUser() + " sessions"));
		}
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

	private static @Nullable String clipped(@Nullable String userAgent) {
		return (userAgent == null || userAgent.length() <= SessionAttributes.MAX_USER_AGENT) ? userAgent
				: userAgent.substring(0, SessionAttributes.MAX_USER_AGENT);
	}
}
