package com.gatehouse.session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;

/**
 * The Redis session store ({@code gatehouse.sessions.store=redis}): Spring Session's indexed
 * repository, whose per-user index lists and ends a user's sessions, with the same ids and idle
 * timeout as the JDBC store, and nothing of a deleted session left behind ({@link RedisEndedSessions}). Lettuce tries to reconnect at most every two seconds, so the service
 * is back within moments of Redis, instead of the default's up to 30 seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SessionStoreProperties.PREFIX + ".store", havingValue = "redis")
class RedisSessionConfig {

	private static final Duration MOST_BETWEEN_RECONNECTS = Duration.ofSeconds(2);

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SessionRepositoryCustomizer<RedisIndexedSessionRepository> redisSessionLimits(SessionProperties limits,
			SessionIdGenerator ids) {
		return SessionConfig.sameOnEveryStore(RedisIndexedSessionRepository::setDefaultMaxInactiveInterval,
				RedisIndexedSessionRepository::setSessionIdGenerator, limits, ids);
	}

	/** Nothing of a deleted session stays in Redis ({@link RedisEndedSessions}). */
	@Bean
	SessionRepositoryCustomizer<RedisIndexedSessionRepository> redisEndedSessions(SessionDataRedisProperties redis) {
		return (repository) -> repository
			.setExpirationStore(new RedisEndedSessions(repository.getSessionRedisOperations(), redis.getNamespace()));
	}

	@Bean
	ClientResourcesBuilderCustomizer quickReconnects() {
		return (resources) -> resources.reconnectDelay(
				Delay.exponential(Duration.ofMillis(100), MOST_BETWEEN_RECONNECTS, 2, TimeUnit.MILLISECONDS));
	}
}
