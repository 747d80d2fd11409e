package com.gatehouse.authkey;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.audit.AuditTrail;

/**
 * Revokes the keys of a leak report: each value that names a key ends that key, or, when it is the
 * value a rotation replaced and still in its grace period, ends only that old value (the new one did
 * not leak). Each revocation leaves a {@code key.leak_reported} event about the key's owner, never
 * the key. Values that name no key are skipped, with no trace.
 */
@Component
final class LeakedKeys {

	private final AuthKeyRepository keys;

	private final Revocations revocations;

	private final AuditTrail audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	LeakedKeys(AuthKeyRepository keys, Revocations revocations, AuditTrail audit, TransactionOperations transactions,
			Clock clock) {
		this.keys = keys;
		this.revocations = revocations;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	void revoke(Collection<String> values) {
		Instant now = this.clock.instant();
		values.stream().filter(AuthKeyFormat::isWellFormed).distinct().forEach((value) -> revoke(value, now));
	}

	private void revoke(String value, Instant now) {
		String digest = AuthKeyFormat.digest(value);
		this.transactions.executeWithoutResult((status) -> this.keys.findByDigest(digest, now).ifPresent((match) -> {
			AuthKey key = match.key();
			if (match.previousValue() && this.keys.forgetPrevious(key.id(), digest)) {
				this.audit.record(key.event("key.leak_reported",
						"old value of key " + key.id() + ", rotated out, ended by a leak report"));
			}
			else if (!match.previousValue() && this.revocations.revoke(key, now, null)) {
				this.audit.record(key.event("key.leak_reported", "key " + key.id() + " revoked by a leak report"));
			}
		}));
	}
}
