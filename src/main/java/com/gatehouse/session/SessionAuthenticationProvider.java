package com.gatehouse.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;
import com.gatehouse.credential.SessionCookieToken;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.user.CallerLoader;

/**
 * Verifies a session cookie: it names a live session in the store (never one the client made up),
 * within its idle and absolute limits, whose user still exists and is enabled. Using the session
 * counts as activity for the idle timeout, stamped on the stored session at most once per
 * {@link SessionProperties#accessStampInterval()}: a write per call would make the store's writes,
 * not its reads, the cost of every cookie call.
 */
@Component
final class SessionAuthenticationProvider implements AuthenticationProvider {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final CallerLoader callers;

	private final SessionProperties limits;

	private final Clock clock;

	SessionAuthenticationProvider(FindByIndexNameSessionRepository<? extends Session> sessions, CallerLoader callers,
			SessionProperties limits, Clock clock) {
		this.sessions = sessions;
		this.callers = callers;
		this.limits = limits;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		return authenticate(this.sessions, ((SessionCookieToken) authentication).sessionId());
	}

	private <S extends Session> Authentication authenticate(FindByIndexNameSessionRepository<S> repository,
			String sessionId) {
		S session = repository.findById(sessionId);
		if (session == null) {
			throw rejected("no live session");
		}
		if (SessionAttributes.isOver(session.getCreationTime(), session.getLastAccessedTime(), this.limits, this.clock)) {
			repository.deleteById(session.getId());
			throw rejected("session past its idle or absolute limit");
		}
		Long userId = session.getAttribute(SessionAttributes.USER_ID);
		if (userId == null) {
			throw rejected("session without a user");
		}
		CallerAuthentication caller = this.callers.load(userId, CredentialKind.SESSION)
			.map((found) -> new CallerAuthentication(found, session.getId()))
			.orElseThrow(() -> rejected("session user disabled or gone"));
		Instant now = this.clock.instant();
		if (!session.getLastAccessedTime().isAfter(now.minus(this.limits.accessStampInterval()))) {
			session.setLastAccessedTime(now);
			repository.save(session);
		}
		return caller;
	}

	private static CredentialsRejected rejected(String reason) {
		return CredentialsRejected.of(CredentialKind.SESSION, reason);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SessionCookieToken.class.isAssignableFrom(authentication);
	}
}
