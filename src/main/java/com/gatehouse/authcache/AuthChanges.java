package com.gatehouse.authcache;

/**
 * Where a repository reports a directory write that may change how a credential authenticates,
 * from inside the writing transaction. Every instance's caches drop what the change makes stale
 * once it commits. Two implementations: {@link PostgresAuthChanges} signals the other instances
 * sharing the database; {@link LocalAuthChanges} serves the embedded store, which one instance
 * alone can open.
 */
public interface AuthChanges {

	void changed(AuthChange change);
}
