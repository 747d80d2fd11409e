package com.gatehouse.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a login session lives, and how many one user may hold.
 *
 * @param idleTimeout a session unused for this long ends
 * @param absoluteLifetime a session ends this long after it was created, however busy
 * @param maxPerUser the most sessions one user holds at once: a login beyond it ends the user's
 * oldest sessions, so a leaked password or a runaway script cannot pile up sessions without end
 * @param accessStampInterval a call stamps the session's last access only when the stored stamp is
 * at least this old, so a busy session costs one store write per interval instead of one per call;
 * the price is that a session may end up to this much earlier than {@code idleTimeout} after its
 * true last use. Must be shorter than {@code idleTimeout}; by default a minute, or a tenth of an idle
 * timeout under ten minutes
 */
@ConfigurationProperties("gatehouse.session")
public record SessionProperties(Duration idleTimeout, Duration absoluteLifetime, int maxPerUser,
		Duration accessStampInterval) {

	public SessionProperties {
		if (idleTimeout == null) {
			idleTimeout = Duration.ofMinutes(30);
		}
		if (absoluteLifetime == null) {
			absoluteLifetime = Duration.ofHours(12);
		}
		if (maxPerUser <= 0) {
			maxPerUser = 20;
		}
		if (accessStampInterval == null) {
			// A minute, or a tenth of a shorter idle timeout, so a short timeout needs no second setting.
			accessStampInterval = min(Duration.ofMinutes(1), idleTimeout.dividedBy(10));
		}
		if (accessStampInterval.isNegative() || accessStampInterval.compareTo(idleTimeout) >= 0) {
			throw new IllegalArgumentException("gatehouse.session.access-stamp-interval must be at least 0 and shorter than"
					+ " gatehouse.session.idle-timeout (" + idleTimeout + "), not " + accessStampInterval);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}
}
