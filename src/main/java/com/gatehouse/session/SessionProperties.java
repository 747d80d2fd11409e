package com.gatehouse.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a login session lives.
 *
 * @param idleTimeout a session unused for this long ends
 * @param absoluteLifetime a session ends this long after it was created, however busy
 */
@ConfigurationProperties("gatehouse.session")
public record SessionProperties(Duration idleTimeout, Duration absoluteLifetime) {

	public SessionProperties {
		if (idleTimeout == null) {
			idleTimeout = Duration.ofMinutes(30);
		}
		if (absoluteLifetime == null) {
			absoluteLifetime = Duration.ofHours(12);
		}
	}
}
