package com.gatehouse.authkey;

import java.util.List;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.user.User;

/**
 * Auth Keys issued, listed, rotated and revoked for the REST API ({@code type: "authinfo"}) and
 * the admin console's Token Management alike. Who may manage whose keys is decided once, by the
 * lookups here ({@link KeyAccess}, through the decision point), and answered as a
 * {@link Manageable} proof that every change requires. Changes take typed commands
 * ({@link IssueKey}, {@link ChangeKey}) and answer an {@link IssuedKey}, whose value is shown this
 * once and nowhere else, ever.
 */
@Component
public final class AuthKeys {

	private final KeyAccess access;

	private final KeyChanges changes;

	private final KeyLifetimes lifetimes;

	private final KeyCollisions collisions;

	private final RevokedKeyRepository revoked;

	AuthKeys(KeyAccess access, KeyChanges changes, KeyLifetimes lifetimes, KeyCollisions collisions,
			RevokedKeyRepository revoked) {
		this.access = access;
		this.changes = changes;
		this.lifetimes = lifetimes;
		this.collisions = collisions;
		this.revoked = revoked;
	}

	/** The user a new key of the caller's is for: itself, or a user it manages. */
	public Manageable<User> ownerOfNewKey(Caller caller, long userId) {
		return this.access.ownerOfNewKey(caller, userId);
	}

	/** The keys of a user the caller manages (or its own). */
	public List<AuthKey> of(Manageable<User> owner) {
		return this.access.of(owner);
	}

	/** The keys of a user the caller manages (or its own) that were revoked, the latest first. */
	public List<RevokedKey> revokedOf(Manageable<User> owner) {
		return this.revoked.find(owner.subject().id());
	}

	/** The owner's key {@code keyId}; 404 when the owner has no such key. */
	public Manageable<AuthKey> keyOf(Manageable<User> owner, long keyId) {
		return this.access.keyOf(owner, keyId);
	}

	/**
	 * Issues the key {@code command} describes to the owner. Its restriction must lie within the
	 * owner's permissions (400), and a caller narrowed by its own key may issue itself only a key
	 * within the permissions it acts with (403).
	 */
	public IssuedKey issue(CallerAuthentication authentication, Manageable<User> owner, IssueKey command) {
		this.access.requireAllowed(authentication, owner.subject(), command.restriction());
		return this.collisions.guarded(authentication.caller(), () -> this.changes.create(owner, command));
	}

	/** Changes the key as {@code command} says; a narrowed caller renews only keys no wider than itself (403). */
	public IssuedKey update(CallerAuthentication authentication, Manageable<AuthKey> key, ChangeKey command) {
		this.access.requireNotWider(authentication, key.subject());
		return this.collisions.guarded(authentication.caller(), () -> this.changes.update(key, command));
	}

	/** Revokes the key at once. */
	public void revoke(Manageable<AuthKey> key) {
		this.changes.revoke(key);
	}

	/** Whether {@code key} no longer works because it expired. */
	public boolean isExpired(AuthKey key) {
		return key.isExpiredAt(this.lifetimes.now());
	}
}
