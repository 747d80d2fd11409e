package com.gatehouse.authcache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the authentication-path caches and applies directory changes to all of them. Each cache is
 * bounded in size and age ({@link AuthCacheProperties}) and reports its hits and misses as the
 * Micrometer meters {@code cache.gets{cache="auth.<name>",result="hit"|"miss"}}.
 */
@Component
public final class AuthCaches {

	private final AuthCacheProperties settings;

	private final MeterRegistry meters;

	private final List<AuthCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	AuthCaches(AuthCacheProperties settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
	}

	/** A new cache, reported as {@code auth.<name>}, whose values {@code affected} says a change makes stale. */
	public <K, V> AuthCache<K, V> create(String name, AuthCache.Affected<K, V> affected) {
		Cache<K, V> cache = Caffeine.newBuilder()
			.maximumSize(this.settings.maximumSize())
			.expireAfterWrite(this.settings.expireAfterWrite())
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(this.meters, cache, "auth." + name);
		AuthCache<K, V> made = new AuthCache<>(cache, affected);
		this.caches.add(made);
		return made;
	}

	/** Applies a change now: one another instance signalled, or everything when signals may have been lost. */
	void apply(AuthChange change) {
		this.caches.forEach((cache) -> cache.apply(change));
	}

	/**
	 * Applies a change this instance is writing once its transaction commits (a rolled-back change
	 * changed nothing), or at once outside a transaction, where the write has already committed.
	 */
	void applyAfterCommit(AuthChange change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			apply(change);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				apply(change);
			}
		});
	}
}
