package com.gatehouse.authcache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Picks how changes reach the caches by the store: a shared PostgreSQL signals every instance
 * (NOTIFY, and a listener per instance); the embedded store has one instance, which evicts locally.
 */
@Configuration(proxyBeanMethods = false)
class AuthCacheConfig {

	private static final String ON_POSTGRES = "'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')";

	private static final String NOT_ON_POSTGRES = "!" + ON_POSTGRES;

	@Bean
	@ConditionalOnExpression(ON_POSTGRES)
	AuthChanges postgresAuthChanges(JdbcClient jdbc, AuthCaches caches) {
		return new PostgresAuthChanges(jdbc, caches);
	}

	@Bean
	@ConditionalOnExpression(ON_POSTGRES)
	PostgresChangeListener postgresChangeListener(DataSourceProperties store, AuthCacheProperties settings,
			AuthCaches caches, MeterRegistry meters) {
		String url = (settings.listenUrl() != null) ? settings.listenUrl() : store.determineUrl();
		return new PostgresChangeListener(url, store.determineUsername(), store.determinePassword(), settings, caches,
				meters);
	}

	@Bean
	@ConditionalOnExpression(NOT_ON_POSTGRES)
	AuthChanges localAuthChanges(AuthCaches caches) {
		return new LocalAuthChanges(caches);
	}
}
