package com.gatehouse.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.permission.Caller;
import com.gatehouse.user.User;
import com.gatehouse.user.UserLookup;

/**
 * Opens and ends login sessions. Only {@code /rest/auth/} calls it: no other call ever creates or
 * changes a session (rest-api.md §3). A login stores its session itself, under the user's row lock,
 * and sets the cookie through {@link SessionCookies}, so that the per-user cap holds on every
 * instance however many logins race; logout goes through the servlet request, which Spring Session
 * backs with the store and answers by clearing the cookie.
 */
@Component
public final class SessionLogin {

	private final SessionProperties limits;

	private final UserSessions sessions;

	private final UserLookup users;

	private final SessionCookies cookies;

	private final TransactionOperations transactions;

	SessionLogin(SessionProperties limits, UserSessions sessions, UserLookup users, SessionCookies cookies,
			TransactionOperations transactions) {
		this.limits = limits;
		this.sessions = sessions;
		this.users = users;
		this.cookies = cookies;
		this.transactions = transactions;
	}

	/**
	 * Logs {@code caller} into the session the request's cookie names, if it is live: a new session
	 * takes over its attributes under a fresh id and the old one is deleted, so the old cookie value
	 * dies at once (and the absolute lifetime counts from this login). Otherwise a plain new session
	 * is made, so a client can never choose its own session id. The session remembers the client's
	 * address and user agent for the session list, and the user's oldest sessions end if this one
	 * would pass the cap. Answers the session id, which is also the cookie value.
	 */
	public String open(HttpServletRequest request, HttpServletResponse response, Caller caller) {
		String id = Objects.requireNonNull(this.transactions.execute((status) -> {
			// Held until the new session is stored: concurrent logins of one user count one another.
			Optional<User> owner = this.users.lockById(caller.userId());
			Session previous = liveSession(request);
			owner.ifPresent((user) -> makeRoom(user, previous));
			return this.sessions.replace(previous, attributes(request, caller));
		}));
		this.cookies.write(request, response, id);
		return id;
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

	/** Ends the owner's oldest sessions but {@code reused}, so that with the one opening it holds at most the cap. */
	private void makeRoom(User owner, @Nullable Session reused) {
		List<Session> others = this.sessions.live(owner.id())
			.stream()
			.filter((session) -> reused == null || !session.getId().equals(reused.getId()))
			.toList();
		int excess = others.size() - (this.limits.maxPerUser() - 1);
		if (excess > 0) {
			this.sessions.end(owner, others.subList(0, excess),
					"evicted by a new login: more than " + this.limits.maxPerUser() + " sessions");
		}
	}

	private @Nullable Session liveSession(HttpServletRequest request) {
		return this.cookies.values(request)
			.stream()
			.map(this.sessions::findLive)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static Map<String, @Nullable Object> attributes(HttpServletRequest request, Caller caller) {
		Map<String, @Nullable Object> attributes = new HashMap<>();
		attributes.put(SessionAttributes.USER_ID, caller.userId());
		attributes.put(SessionAttributes.PRINCIPAL, UserSessions.principal(caller.userId()));
		attributes.put(SessionAttributes.IP, request.getRemoteAddr());
		attributes.put(SessionAttributes.USER_AGENT, clipped(request.getHeader(HttpHeaders.USER_AGENT)));
		return attributes;
	}

	private static @Nullable String clipped(@Nullable String userAgent) {
		return (userAgent == null || userAgent.length() <= SessionAttributes.MAX_USER_AGENT) ? userAgent
				: userAgent.substring(0, SessionAttributes.MAX_USER_AGENT);
	}
}
