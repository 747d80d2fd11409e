package com.gatehouse.abuse;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.authcache.AuthCache;
import com.gatehouse.authcache.AuthCaches;
import com.gatehouse.authcache.AuthChange;
import com.gatehouse.authcache.AuthChanges;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * The brute-force limits (issue 3). Failed credentials are counted per login name (whether or not
 * it names a user, so a lock tells nothing about which logins exist) and per client address, in
 * the shared store, so every instance sees the same counts. A login that reaches its limit is
 * locked for a while, even against the right password; an address that reaches its limit gets 429
 * on every credentialed call until its window ends. Each decision is taken on the tally that the
 * counting itself answered, so exactly the failure that reaches a limit triggers it, however many
 * arrive at once and on whichever instance.
 *
 * <p>The address check before every credentialed call reads the address's tally through the
 * authentication-path cache: below the limit a tally that is up to 1 s old decides the same, and
 * the failure that brings an address to its limit drops the cached tally on every instance (an
 * {@link AuthChange#address} change, signalled as directory changes are).
 */
@Component
public final class FailedCredentials {

	/** The reason given for a login refused because of its lock, whatever its password. */
	public static final String LOCKED = "login locked";

	private static final String LOGIN_FAILURES = "login";

	private static final String LOGIN_LOCKS = "login-lock";

	static final String ADDRESS_FAILURES = "address";

	private final AbuseCounters counters;

	private final AbuseProperties limits;

	private final Clock clock;

	private final AuthChanges changes;

	private final AuthCache<String, Tally> addressTallies;

	FailedCredentials(AbuseCounters counters, AbuseProperties limits, Clock clock, AuthChanges changes,
			AuthCaches caches) {
		this.counters = counters;
		this.limits = limits;
		this.clock = clock;
		this.changes = changes;
		this.addressTallies = caches.create("address-failures", (change, address, tally) -> change.affectsAddress(address));
	}

	/** 429 with the seconds until its window ends when {@code address} has used up its failures. */
	public void refuseThrottled(String address) {
		Tally failures = Objects.requireNonNull(this.addressTallies.get(address,
				(uncached) -> this.counters.peek(ADDRESS_FAILURES, uncached, this.limits.addressWindow())));
		// A cached tally may be of a window that has ended since: judged against the clock now.
		boolean windowOpen = failures.windowStart().plus(this.limits.addressWindow()).isAfter(this.clock.instant());
		if (windowOpen && failures.hits() >= this.limits.addressFailures()) {
			throw RestFailure.throttled(untilWindowEnds(failures));
		}
	}

	/**
	 * Rejects a verified password login whose login is locked, with the same rejection as a wrong
	 * password. It runs after the password was verified, so a locked login costs what any other
	 * login costs and its answer tells nothing.
	 */
	public void refuseLocked(Caller caller) {
		if (caller.via() == CredentialKind.PASSWORD && isLocked(caller.login())) {
			throw CredentialsRejected.forUser(caller.userId(), caller.login(), caller.home(), LOCKED);
		}
	}

	/**
	 * Counts one failed credential from {@code address}, and for {@code login} when it named one.
	 * The failure that brings a login to its limit starts its lock (again, if an earlier lock ended
	 * while the window still holds that many failures).
	 */
	public Verdict failed(@Nullable String login, String address) {
		Tally fromAddress = this.counters.hit(ADDRESS_FAILURES, address, this.limits.addressWindow());
		if (fromAddress.hits() >= this.limits.addressFailures()) {
			this.changes.changed(AuthChange.address(address));
		}
		Duration throttle = (fromAddress.hits() > this.limits.addressFailures()) ? untilWindowEnds(fromAddress) : null;
		if (login == null) {
			return new Verdict(false, false, throttle);
		}
		Tally forLogin = this.counters.hit(LOGIN_FAILURES, key(login), this.limits.loginWindow());
		boolean lockStarted = forLogin.hits() >= this.limits.loginFailures()
				&& this.counters.hit(LOGIN_LOCKS, key(login), this.limits.lockDuration()).hits() == 1;
		return new Verdict(forLogin.hits() > this.limits.loginFailures(), lockStarted, throttle);
	}

	/**
	 * A verified login starts counting its failures afresh. Its address does not: one good account
	 * must not let an attacker who guesses other logins from the same address start afresh.
	 */
	public void succeeded(String login) {
		this.counters.reset(LOGIN_FAILURES, key(login));
	}

	/** Lifts {@code login}'s lock, if any, and forgets its failures: an admin let it sign in again. */
	public void unlock(String login) {
		this.counters.reset(LOGIN_LOCKS, key(login));
		this.counters.reset(LOGIN_FAILURES, key(login));
	}

	/** Whether {@code login} is locked now: a password login is refused even with the right password. */
	public boolean isLocked(String login) {
		return this.counters.peek(LOGIN_LOCKS, key(login), this.limits.lockDuration()).hits() > 0;
	}

	private Duration untilWindowEnds(Tally fromAddress) {
		Duration left = Duration.between(this.clock.instant(),
				fromAddress.windowStart().plus(this.limits.addressWindow()));
		long seconds = (left.toMillis() + 999) / 1000;
		return Duration.ofSeconds(Math.max(1, seconds));
	}

	/** Logins are one whatever their case, as the directory has them. */
	private static String key(String login) {
		return login.toLowerCase(Locale.ROOT);
	}

	/**
	 * What one failure led to.
	 *
	 * @param overLoginLimit the login already had its limit of failures: this one was refused by the lock
	 * @param lockStarted this failure locked the login
	 * @param throttle non-null when the address is over its limit: the answer is 429, retry after this
	 */
	public record Verdict(boolean overLoginLimit, boolean lockStarted, @Nullable Duration throttle) {
	}
}
