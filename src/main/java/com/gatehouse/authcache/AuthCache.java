package com.gatehouse.authcache;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import org.jspecify.annotations.Nullable;

/**
 * One cache on the authentication path, made by {@link AuthCaches}. A value lives at most the
 * configured bound; a change that {@link Affected affects} it removes it sooner. Only what the
 * store said is kept, never a decision: whatever depends on the time (expiry, grace periods) is
 * judged by the caller against its clock at each use. A null load is not kept, so an unknown key
 * value is looked up every time and cannot crowd out real entries.
 */
public final class AuthCache<K, V> {

	private final Cache<K, V> cache;

	private final Affected<K, V> affected;

	// Guards changes, and makes putting and applying one step each, so no call can see a stale value
	// between a put and its removal.
	private final Object lock = new Object();

	// Counts changes applied, so a load that read the store before a change cannot keep its stale
	// result: a load that saw a change happen while it ran puts nothing.
	private long changes;

	AuthCache(Cache<K, V> cache, Affected<K, V> affected) {
		this.cache = cache;
		this.affected = affected;
	}

	/** The cached value for {@code key}, or what {@code load} reads from the store (null: nothing, not kept). */
	public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> load) {
		V cached = this.cache.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long seen;
		synchronized (this.lock) {
			seen = this.changes;
		}
		V loaded = load.apply(key);
		if (loaded != null) {
			synchronized (this.lock) {
				if (this.changes == seen) {
					this.cache.put(key, loaded);
				}
			}
		}
		return loaded;
	}

	/** Drops {@code key} here only, for a write that matters to this instance alone (a key's last use). */
	public void evictHere(K key) {
		this.cache.invalidate(key);
	}

	void apply(AuthChange change) {
		synchronized (this.lock) {
			this.changes++;
			if (change.isAll()) {
				this.cache.invalidateAll();
			}
			else {
				this.cache.asMap().entrySet().removeIf((entry) -> this.affected.by(change, entry.getKey(), entry.getValue()));
			}
		}
	}

	/** Which cached values a change makes stale. */
	@FunctionalInterface
	public interface Affected<K, V> {

		boolean by(AuthChange change, K key, V value);
	}
}
