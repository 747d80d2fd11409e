package com.gatehouse.session;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.user.User;

/**
 * A user's sessions, found and ended through Spring Session's per-user index
 * ({@link FindByIndexNameSessionRepository}), never through a store's tables, so it works the same
 * on JDBC and Redis. A session ended here is deleted from the store, so its cookie fails at the very
 * next call on every instance; each end leaves a {@code session.ended} audit event.
 */
@Component
final class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> store;

	private final SessionProperties limits;

	private final AuditTrail audit;

	private final Clock clock;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> store, SessionProperties limits, AuditTrail audit,
			Clock clock) {
		this.store = store;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The user's sessions that would still authenticate a call, oldest first. The index also holds
	 * sessions past their limits that no call has cleaned up yet; those are left out.
	 */
	List<Session> live(long userId) {
		return this.store.findByPrincipalName(principal(userId))
			.values()
			.stream()
			.filter((session) -> !session.isExpired() && !SessionAttributes.isOver(session.getCreationTime(),
					session.getLastAccessedTime(), this.limits, this.clock))
			.sorted(Comparator.comparing(Session::getCreationTime))
			.map(Session.class::cast)
			.toList();
	}

	/** The live session {@code id} names, if any; one past its limits is deleted on the way. */
	@Nullable Session findLive(String id) {
		Session session = this.store.findById(id);
		if (session != null && SessionAttributes.isOver(session.getCreationTime(), session.getLastAccessedTime(),
				this.limits, this.clock)) {
			this.store.deleteById(id);
			return null;
		}
		return session;
	}

	/**
	 * Stores a new session holding {@code previous}'s attributes overlaid with {@code attributes} (a
	 * null value removes one), then deletes {@code previous}; answers the new session's id. A
	 * session's id is never changed in place: a save racing with this one, made by a call that
	 * loaded {@code previous} a moment before, then finds nothing to write instead of bringing the
	 * old id back (the JDBC store's update writes the id it loaded).
	 */
	String replace(@Nullable Session previous, Map<String, @Nullable Object> attributes) {
		return replace(this.store, previous, attributes);
	}

	private static <S extends Session> String replace(FindByIndexNameSessionRepository<S> store,
			@Nullable Session previous, Map<String, @Nullable Object> attributes) {
		S session = store.createSession();
		if (previous != null) {
			previous.getAttributeNames().forEach((name) -> session.setAttribute(name, previous.getAttribute(name)));
		}
		attributes.forEach(session::setAttribute);
		store.save(session);
		if (previous != null) {
			store.deleteById(previous.getId());
		}
		return session.getId();
	}

	/** Ends {@code sessions} of {@code owner} at once; {@code why} says who or what ended them, for the audit trail. */
	void end(User owner, List<Session> sessions, String why) {
		for (Session session : sessions) {
			this.store.deleteById(session.getId());
			this.audit.record(AuditEntry.of("session.ended", why + "; session " + handle(owner, session))
				.about(owner.id(), owner.login(), owner.company()));
		}
	}

	/** Ends every live session of {@code owner} except {@code keep} (a session id; null keeps none). */
	void endAll(User owner, @Nullable String keep, String why) {
		end(owner, live(owner.id()).stream().filter((session) -> !session.getId().equals(keep)).toList(), why);
	}

	/** Deletes every session of a user who is gone, live or not, leaving no event (the deletion has its own). */
	void forget(long userId) {
		this.store.findByPrincipalName(principal(userId)).keySet().forEach(this.store::deleteById);
	}

	static String handle(User owner, Session session) {
		return SessionHandle.of(owner.id(), session.getId()).text();
	}

	static String principal(long userId) {
		return Long.toString(userId);
	}
}
