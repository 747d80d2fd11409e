package com.gatehouse.authkey;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.user.User;

/**
 * Auth Keys issued, listed, rotated and revoked for the REST API ({@code type: "authinfo"}) and
 * the admin console's Token Management alike, by the rules of {@link KeyAccess}. A key value is in
 * the answer that issued it once and nowhere else, ever.
 */
@Component
public final class AuthKeys {

	private final KeyAccess access;

	private final KeyChanges changes;

	private final KeyLifetimes lifetimes;

	private final KeyCollisions collisions;

	AuthKeys(KeyAccess access, KeyChanges changes, KeyLifetimes lifetimes, KeyCollisions collisions) {
		this.access = access;
		this.changes = changes;
		this.lifetimes = lifetimes;
		this.collisions = collisions;
	}

	/** The keys of the user {@code userId} the caller may see (none of a user it may not see). */
	public List<AuthKey> of(Caller caller, long userId) {
		return this.access.visible(caller, new AuthKeyScope(null, userId));
	}

	/**
	 * Issues the key {@code values} describe (validated, e.g. {@link AuthKeyValues#newKey});
	 * {@link IssuedKey#value} is the key, shown this once.
	 */
	public IssuedKey issue(CallerAuthentication authentication, AuthKeyValues values) {
		return IssuedKey.of(create(authentication, values));
	}

	/** Gives the key {@code keyId} a new generated value, shown this once. */
	public IssuedKey rotate(CallerAuthentication authentication, long keyId) {
		AuthKey key = this.access.manageable(authentication.caller(), keyId, "authinfo.update");
		return IssuedKey.of(update(authentication, key,
				new AuthKeyValues(null, null, null, null, null, null, null, Boolean.TRUE)));
	}

	/** Revokes the key {@code keyId} at once. */
	public void revoke(Caller caller, long keyId) {
		this.changes.revoke(caller, this.access.manageable(caller, keyId, "authinfo.delete"));
	}

	/** Whether {@code key} no longer works because it expired. */
	public boolean isExpired(AuthKey key) {
		return key.isExpiredAt(this.lifetimes.now());
	}

	Map<String, Object> create(CallerAuthentication authentication, AuthKeyValues values) {
		Caller caller = authentication.caller();
		requireWellFormed(values.token());
		if (values.rotates()) {
			throw RestFailure.badRequest("request.invalid", "rotate applies to an existing key: use update");
		}
		User owner = this.access.ownerOfNewKey(caller, values.contactId());
		KeyRestriction restriction = KeyRestriction.fromRequest(values.restrict());
		this.access.requireAllowed(authentication, owner, restriction);
		return this.collisions.guarded(caller, () -> this.changes.create(caller, owner, values, restriction));
	}

	Map<String, Object> update(CallerAuthentication authentication, AuthKey key, AuthKeyValues values) {
		requireWellFormed(values.token());
		if (values.contactId() != null && values.contactId() != key.userId()) {
			throw RestFailure.badRequest("authinfo.owner_immutable", "A key cannot move to another user");
		}
		if (values.restrict() != null) {
			throw RestFailure.badRequest("authinfo.restrict_immutable", "What a key may do is fixed: make a new key");
		}
		if (values.token() != null && values.rotates()) {
			throw RestFailure.badRequest("request.invalid", "Give either values.token or values.rotate, not both");
		}
		if (values.token() == null && !values.rotates() && values.name() == null && values.expires() == null) {
			throw RestFailure.badRequest("request.invalid", "Give values.token, rotate, name or expires");
		}
		this.access.requireNotWider(authentication, key);
		return this.collisions.guarded(authentication.caller(),
				() -> this.changes.update(authentication.caller(), key, values));
	}

	private static void requireWellFormed(@Nullable String token) {
		if (token != null && !AuthKeyFormat.isWellFormed(token)) {
			throw RestFailure.badRequest("request.invalid", "token must be 32 to 256 characters of A-Z a-z 0-9 _ -,"
					+ " and one starting with " + AuthKeyFormat.PREFIX + " must end with its checksum");
		}
		if (token != null && !AuthKeyFormat.isUnguessable(token)) {
			throw RestFailure.badRequest("authinfo.token_weak", "token is too easy to guess: it needs an estimated "
					+ AuthKeyFormat.MIN_CHOSEN_BITS + " bits (no padding, runs or repeats); omit it to get a generated key");
		}
	}

	/** A key just issued: its id and its value, which is shown this once and never stored. */
	public record IssuedKey(long id, String value) {

		static IssuedKey of(Map<String, Object> row) {
			return new IssuedKey(((Number) row.get("id")).longValue(), (String) row.get("token"));
		}

		@Override
		public String toString() {
			return "IssuedKey[id=" + this.id + ", value=[PROTECTED]]";
		}
	}
}
