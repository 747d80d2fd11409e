package com.gatehouse.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where login sessions live: {@code gatehouse.sessions.store=jdbc} (the default: the service's own
 * database, so a single machine needs nothing else) or {@code redis} (Spring Session Data Redis on
 * the {@code spring.data.redis.*} connection). Any other value fails startup, naming the valid ones.
 *
 * @param store the session store
 */
@ConfigurationProperties("gatehouse.sessions")
public record SessionStoreProperties(Store store) {

	static final String PREFIX = "gatehouse.sessions";

	public SessionStoreProperties {
		if (store == null) {
			store = Store.JDBC;
		}
	}

	/** The setting read straight from the environment, for decisions taken before any bean exists. */
	static SessionStoreProperties of(Environment environment) {
		return Binder.get(environment)
			.bind(PREFIX, SessionStoreProperties.class)
			.orElseGet(() -> new SessionStoreProperties(null));
	}

	/** The session stores there are. */
	public enum Store {

		JDBC, REDIS

	}
}
