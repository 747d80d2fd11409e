package com.gatehouse.authkey;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Caller;
import com.gatehouse.user.User;

/**
 * Issues, changes and revokes Auth Keys once access is settled, each change in one transaction with
 * its audit event ({@code key.created}, {@code key.rotated}, {@code key.revoked}). A key value is in
 * the reply that issued it and nowhere else, ever.
 */
@Component
final class KeyChanges {

	private final AuthKeyRepository keys;

	private final KeyLifetimes lifetimes;

	private final AuditTrail audit;

	private final TransactionOperations transactions;

	private final AuthKeyFormat format = new AuthKeyFormat();

	KeyChanges(AuthKeyRepository keys, KeyLifetimes lifetimes, AuditTrail audit, TransactionOperations transactions) {
		this.keys = keys;
		this.lifetimes = lifetimes;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Makes a key for {@code owner} and answers its row with the key in {@code token}. */
	Map<String, Object> create(Caller caller, User owner, AuthKeyValues values, KeyRestriction restriction) {
		Instant now = this.lifetimes.now();
		String key = (values.token() != null) ? values.token() : this.format.generate();
		Instant expires = this.lifetimes.forNewValue(values.expires(), null, now);
		String name = (values.name() != null) ? values.name() : "";
		return this.transactions.execute((status) -> {
			long id = this.keys.insert(owner.id(), key, name, expires, restriction, now);
			AuthKey created = this.keys.findById(id).orElseThrow();
			this.audit.record(created.event("key.created", "key " + id + " created by " + actor(caller)));
			return created.asRow(key);
		});
	}

	/**
	 * Relabels the key, moves its expiry, and gives it a new value when the values ask for one (a
	 * rotation); answers its row, with the new value in {@code token} when there is one.
	 */
	Map<String, Object> update(Caller caller, AuthKey key, AuthKeyValues values) {
		String newValue = values.rotates() ? this.format.generate() : values.token();
		Instant now = this.lifetimes.now();
		Instant expires = (newValue != null) ? this.lifetimes.forNewValue(values.expires(), key.expires(), now)
				: (values.expires() != null) ? this.lifetimes.checked(values.expires(), now) : key.expires();
		String name = (values.name() != null) ? values.name() : key.name();
		return this.transactions.execute((status) -> {
			this.keys.update(key.id(), name, expires);
			if (newValue != null) {
				this.keys.replaceValue(key.id(), newValue, this.lifetimes.previousValidUntil(now), now);
				this.audit.record(key.event("key.rotated", "key " + key.id() + " given a new "
						+ (values.rotates() ? "generated" : "client-chosen") + " value by " + actor(caller)));
			}
			AuthKey updated = this.keys.findById(key.id()).orElseThrow();
			return updated.asRow((newValue != null) ? newValue : updated.hint());
		});
	}

	void revoke(Caller caller, AuthKey key) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.keys.delete(key.id())) {
				this.audit.record(key.event("key.revoked", "key " + key.id() + " revoked by " + actor(caller)));
			}
		});
	}

	private static String actor(Caller caller) {
		return caller.login() + " (user " + caller.userId() + ")";
	}
}
