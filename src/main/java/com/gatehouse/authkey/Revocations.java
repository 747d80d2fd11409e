package com.gatehouse.authkey;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Revoking a key, inside the caller's transaction: its live row goes (it stops working at once, on
 * every instance) and what people need to recognise it is kept as a {@link RevokedKey}. The row is
 * deleted first, so of two racing revocations only the one that deleted it keeps a record.
 */
@Component
final class Revocations {

	private final AuthKeyRepository keys;

	private final RevokedKeyRepository revoked;

	Revocations(AuthKeyRepository keys, RevokedKeyRepository revoked) {
		this.keys = keys;
		this.revoked = revoked;
	}

	/** Answers whether this call revoked the key (false when it was already gone); {@code by} null: a leak report. */
	boolean revoke(AuthKey key, Instant at, @Nullable String by) {
		if (!this.keys.delete(key.id())) {
			return false;
		}
		this.revoked.insert(key, at, by);
		return true;
	}
}
