package com.gatehouse.session;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Lets exactly the session store {@code gatehouse.sessions.store} names be auto-configured. Spring
 * Boot picks a store by what is on the classpath, and both are: left alone it would keep sessions in
 * Redis whenever its classes are present. And Redis itself (a connection factory for
 * {@code localhost:6379} and its health indicator, which would report the whole service DOWN) is
 * left out unless sessions live there or a {@code spring.data.redis} address is set, so a single
 * machine on the embedded database never reaches for a Redis it does not have (nor configures what
 * comes along with Redis's starter). Asked by {@code system/UnusedAutoConfigurations}; an unknown
 * store fails there, at startup, naming the valid ones.
 */
public final class SessionStoreAutoConfigurations {

	private static final String JDBC_SESSIONS = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

	private static final String REDIS_SESSIONS = "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";

	// Redis itself, and what its starter brings along: Spring Data's web and repository metrics
	// support and Netty's settings, which nothing of Gatehouse's uses without Redis.
	private static final List<String> REDIS = List.of("org.springframework.boot.data.redis.",
			"org.springframework.boot.data.autoconfigure.", "org.springframework.boot.netty.");

	private SessionStoreAutoConfigurations() {
	}

	/** The auto-configurations (by class name) that the configured store does not need. */
	public static Predicate<String> unused(Environment environment) {
		SessionStoreProperties.Store store = SessionStoreProperties.of(environment).store();
		boolean redisInUse = store == SessionStoreProperties.Store.REDIS || isSet(environment, "spring.data.redis.url")
				|| isSet(environment, "spring.data.redis.host");
		return (candidate) -> (candidate.equals(JDBC_SESSIONS) && store != SessionStoreProperties.Store.JDBC)
				|| (candidate.equals(REDIS_SESSIONS) && store != SessionStoreProperties.Store.REDIS)
				|| (!redisInUse && REDIS.stream().anyMatch(candidate::startsWith));
	}

	private static boolean isSet(Environment environment, String name) {
		return Binder.get(environment).bind(name, String.class).isBound();
	}
}
