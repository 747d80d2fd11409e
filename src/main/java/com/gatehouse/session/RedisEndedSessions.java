package com.gatehouse.session;

import java.util.List;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;
import org.springframework.session.data.redis.RedisSessionExpirationStore;
import org.springframework.session.data.redis.SortedSetRedisSessionExpirationStore;

/**
 * The Redis repository's expiration store, which also removes what the repository leaves of a
 * deleted session (issue 12). Spring Session's {@code deleteById} cleans the principal index, the
 * {@code expires:} key and the expirations entry, but then saves the session once more with a zero
 * idle timeout, which keeps its hash (attributes and all) for five more minutes, for the keyspace
 * listener that would announce the deletion; Gatehouse listens to no such event. That last save
 * reaches this store, the only point of it Spring lets an application replace: a session saved with
 * a zero idle timeout (Gatehouse's is never zero, {@link SessionProperties}) is one being deleted,
 * so its hash and {@code expires:} key go at once. Every other save and the cleanup of expired
 * sessions are Spring's sorted-set store's.
 */
final class RedisEndedSessions implements RedisSessionExpirationStore {

	private final SortedSetRedisSessionExpirationStore expirations;

	private final RedisOperations<String, Object> redis;

	private final String namespace;

	RedisEndedSessions(RedisOperations<String, Object> redis, String namespace) {
		this.expirations = new SortedSetRedisSessionExpirationStore(redis, namespace);
		this.redis = redis;
		this.namespace = namespace;
	}

	@Override
	public void save(RedisSession session) {
		if (session.getMaxInactiveInterval().isZero()) {
			this.expirations.remove(session.getId());
			this.redis.delete(List.of(this.namespace + ":sessions:" + session.getId(),
					this.namespace + ":sessions:expires:" + session.getId()));
		}
		else {
			this.expirations.save(session);
		}
	}

	@Override
	public void remove(String sessionId) {
		this.expirations.remove(sessionId);
	}

	@Override
	public void cleanupExpiredSessions() {
		this.expirations.cleanupExpiredSessions();
	}
}
