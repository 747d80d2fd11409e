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
 */
@ConfigurationProperties("gatehouse.session")
public record SessionProperties(Duration idleTimeout, Duration absoluteLifetime, int maxPerUser) {

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
	}
}
