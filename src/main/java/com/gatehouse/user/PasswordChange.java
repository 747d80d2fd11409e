package com.gatehouse.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.gatehouse.abuse.AbuseCounters;
import com.gatehouse.abuse.Tally;
import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;

/**
 * The password path of a user update. Changing your own password needs the current one, so that a
 * stolen session or key cannot lock its owner out; a missing or wrong one is the same 400 and
 * changes nothing. Wrong ones are counted per user in the shared store, and past the limit the
 * change answers 429 until the window ends, so it is no unthrottled way to guess the password. A
 * changed password ends the user's other sessions (an admin reset ends all of them) and is audited;
 * Auth Keys are not touched.
 */
@Component
final class PasswordChange {

	/** The abuse counter of wrong {@code current_password}s, per user id. */
	private static final String WRONG_CURRENT = "current-password";

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final AbuseCounters counters;

	private final PasswordProperties limits;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasswordChange(UserRepository users, PasswordHasher hasher, AbuseCounters counters, PasswordProperties limits,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.hasher = hasher;
		this.counters = counters;
		this.limits = limits;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The hash to store for {@code values.password}, or null when the update sets no password. */
	@Nullable String newHash(ChangeUser values) {
		return (values.password() != null) ? this.hasher.hash(values.password()) : null;
	}

	/** The hash to store for a new user's password. */
	String hashOf(@Nullable String password) {
		return this.hasher.hash(Objects.requireNonNull(password, "a new user needs a password"));
	}

	/** Records the change; call it in the transaction that stores the new hash. */
	void record(Caller caller, User user) {
		boolean self = user.id() == caller.userId();
		this.audit.record(AuditEntry.of("password.changed", self ? "self-service" : "reset " + by(caller, user))
			.about(user.id(), user.login(), user.company()));
	}

	/** Ends the sessions the change makes stale; call it once the new hash is stored. */
	void endStaleSessions(Caller caller, User user) {
		boolean self = user.id() == caller.userId();
		// A self-service change keeps the session it was made with; it is no longer a stolen one.
		String keep = self ? CallerAuthentication.current().sessionId() : null;
		this.events.publishEvent(new PasswordChanged(user.id(), keep, by(caller, user)));
	}

	private static String by(Caller caller, User user) {
		return (user.id() == caller.userId()) ? "by its user" : "by " + caller.login() + " (id " + caller.userId() + ")";
	}

	void requireCurrent(User user, @Nullable String current) {
		String subject = Long.toString(user.id());
		Duration window = this.limits.currentPasswordWindow();
		Tally wrong = this.counters.peek(WRONG_CURRENT, subject, window);
		if (wrong.hits() >= this.limits.currentPasswordAttempts()) {
			throw RestFailure.throttled(untilEnd(wrong.windowStart().plus(window)));
		}
		if (current == null) {
			throw wrongCurrent();
		}
		String hash = this.users.findPassword(user.login())
			.filter((stored) -> stored.userId() == user.id())
			.map(StoredPassword::hash)
			.orElse(null);
		if (!this.hasher.matches(current, hash)) {
			this.counters.hit(WRONG_CURRENT, subject, window);
			throw wrongCurrent();
		}
		this.counters.reset(WRONG_CURRENT, subject);
	}

	private Duration untilEnd(Instant end) {
		Duration left = Duration.between(this.clock.instant(), end);
		return (left.toSeconds() < 1) ? Duration.ofSeconds(1) : left.plusSeconds(1).withNanos(0);
	}

	private static RestFailure wrongCurrent() {
		return RestFailure.badRequest("user.current_password",
				"Changing your own login, password or enabled flag needs your current password in values.current_password");
	}
}
