package com.gatehouse.authcache;

/** Changes on the embedded store (H2, one instance): only this instance's caches need to hear of them. */
final class LocalAuthChanges implements AuthChanges {

	private final AuthCaches caches;

	LocalAuthChanges(AuthCaches caches) {
		this.caches = caches;
	}

	@Override
	public void changed(AuthChange change) {
		this.caches.applyAfterCommit(change);
	}
}
