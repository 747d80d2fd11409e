package com.gatehouse.authkey;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.user.User;

/**
 * Issues, changes and revokes Auth Keys once access is settled (each takes the decision point's
 * {@link Manageable} proof), each change in one transaction with its audit event
 * ({@code key.created}, {@code key.rotated}, {@code key.revoked}). A key value is in the result
 * that issued it and nowhere else, ever.
 */
@Component
final class KeyChanges {

	private final AuthKeyRepository keys;

	private final KeyLifetimes lifetimes;

	private final Revocations revocations;

	private final AuditTrail audit;

	private final TransactionOperations transactions;

	private final AuthKeyFormat format = new AuthKeyFormat();

	KeyChanges(AuthKeyRepository keys, KeyLifetimes lifetimes, Revocations revocations, AuditTrail audit,
			TransactionOperations transactions) {
		this.keys = keys;
		this.lifetimes = lifetimes;
		this.revocations = revocations;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Makes the key {@code command} describes for the owner, with its value. */
	IssuedKey create(Manageable<User> owner, IssueKey command) {
		Instant now = this.lifetimes.now();
		String key = (command.token() != null) ? command.token() : this.format.generate();
		Instant expires = this.lifetimes.forNewValue(command.expires(), null, now);
		String name = (command.name() != null) ? command.name() : "";
		return this.transactions.execute((status) -> {
			long id = this.keys.insert(owner.subject().id(), key, name, expires, command.restriction(), now);
			AuthKey created = this.keys.findById(id).orElseThrow();
			this.audit.record(created.event("key.created", "key " + id + " created by " + actor(owner.caller())));
			return new IssuedKey(created, key);
		});
	}

	/**
	 * Relabels the key, moves its expiry, and gives it a new value when the command asks for one (a
	 * rotation); answers the key with its new value, if any.
	 */
	IssuedKey update(Manageable<AuthKey> target, ChangeKey command) {
		AuthKey key = target.subject();
		String newValue = command.rotate() ? this.format.generate() : command.token();
		Instant now = this.lifetimes.now();
		Instant expires = (newValue != null) ? this.lifetimes.forNewValue(command.expires(), key.expires(), now)
				: (command.expires() != null) ? this.lifetimes.checked(command.expires(), now) : key.expires();
		String name = (command.name() != null) ? command.name() : key.name();
		return this.transactions.execute((status) -> {
			this.keys.update(key.id(), name, expires);
			if (newValue != null) {
				this.keys.replaceValue(key.id(), newValue, this.lifetimes.previousValidUntil(now), now);
				this.audit.record(key.event("key.rotated", "key " + key.id() + " given a new "
						+ (command.rotate() ? "generated" : "client-chosen") + " value by " + actor(target.caller())));
			}
			return new IssuedKey(this.keys.findById(key.id()).orElseThrow(), newValue);
		});
	}

	/** Revokes the key; it stays listed as revoked by the caller ({@link RevokedKey}). */
	void revoke(Manageable<AuthKey> target) {
		AuthKey key = target.subject();
		Instant now = this.lifetimes.now();
		this.transactions.executeWithoutResult((status) -> {
			if (this.revocations.revoke(key, now, target.caller().login())) {
				this.audit.record(key.event("key.revoked", "key " + key.id() + " revoked by " + actor(target.caller())));
			}
		});
	}

	private static String actor(Caller caller) {
		return caller.login() + " (user " + caller.userId() + ")";
	}
}
