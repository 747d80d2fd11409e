package com.gatehouse.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * What Gatehouse keeps in a session, and when a session has outlived the rules. The attributes are
 * plain values (a user id, the login's address and user agent) so that every store can serialise
 * them; the user's permissions are never cached there but read on each call.
 */
final class SessionAttributes {

	static final String USER_ID = "gatehouse.userId";

	/** The client address the session logged in from, as resolved through trusted proxies. */
	static final String IP = "gatehouse.ip";

	/** The {@code User-Agent} the session logged in with, clipped to {@link #MAX_USER_AGENT} characters. */
	static final String USER_AGENT = "gatehouse.userAgent";

	static final int MAX_USER_AGENT = 200;

	/** Spring Session's index of sessions by user, used to list and end a user's sessions. */
	static final String PRINCIPAL = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;

	private SessionAttributes() {
	}

	/** Whether a session created and last used at these times has passed its idle or absolute limit. */
	static boolean isOver(Instant created, Instant lastAccessed, SessionProperties limits, Clock clock) {
		Instant now = clock.instant();
		return !now.isBefore(created.plus(limits.absoluteLifetime()))
				|| !now.isBefore(lastAccessed.plus(limits.idleTimeout()));
	}
}
