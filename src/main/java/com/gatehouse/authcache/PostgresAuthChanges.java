package com.gatehouse.authcache;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes on a shared PostgreSQL: a {@code NOTIFY} on {@link #CHANNEL}, sent inside the writing
 * transaction so that PostgreSQL delivers it to every listening instance ({@link PostgresChangeListener})
 * exactly when the change commits, and never for one rolled back.
 */
final class PostgresAuthChanges implements AuthChanges {

	static final String CHANNEL = "gatehouse_auth_changes";

	private static final String NOTIFY = "SELECT pg_notify(:channel, :payload)";

	private final JdbcClient jdbc;

	private final AuthCaches caches;

	PostgresAuthChanges(JdbcClient jdbc, AuthCaches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	@Override
	public void changed(AuthChange change) {
		this.jdbc.sql(NOTIFY).param("channel", CHANNEL).param("payload", change.payload()).query((row) -> {
		});
		// Also here at once after commit: this instance's next call must not wait for the round trip.
		this.caches.applyAfterCommit(change);
	}
}
