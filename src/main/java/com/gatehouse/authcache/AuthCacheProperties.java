package com.gatehouse.authcache;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The authentication-path cache (issue 5). Whatever an instance caches is evicted on every instance
 * when it changes (PostgreSQL NOTIFY), and in any case lives no longer than {@code expireAfterWrite},
 * which bounds how long a lost signal can leave an instance on the old state.
 *
 * @param expireAfterWrite how long a cached read may be used: from 0 (no caching) to 1 s, the
 * consistency bound the service promises; default 1 s
 * @param maximumSize most entries per cache (users, role permissions, keys); default 10000
 * @param listenUrl the JDBC URL the change listener connects to; default the datasource's. Set it
 * when the datasource goes through a pooler in transaction mode (PgBouncer), where LISTEN does not work
 * @param reconnectDelay how long the listener waits before it connects again after losing its
 * connection; default 500 ms
 */
@ConfigurationProperties("gatehouse.auth-cache")
public record AuthCacheProperties(Duration expireAfterWrite, long maximumSize, @Nullable String listenUrl,
		Duration reconnectDelay) {

	static final Duration BOUND = Duration.ofSeconds(1);

	public AuthCacheProperties {
		if (expireAfterWrite == null) {
			expireAfterWrite = BOUND;
		}
		if (expireAfterWrite.isNegative() || expireAfterWrite.compareTo(BOUND) > 0) {
			throw new IllegalArgumentException("gatehouse.auth-cache.expire-after-write must be between 0 and 1s");
		}
		if (maximumSize <= 0) {
			maximumSize = 10_000;
		}
		if (reconnectDelay == null || reconnectDelay.isNegative() || reconnectDelay.isZero()) {
			reconnectDelay = Duration.ofMillis(500);
		}
	}
}
