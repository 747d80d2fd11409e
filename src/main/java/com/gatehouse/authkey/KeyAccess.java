package com.gatehouse.authkey;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;

/**
 * Who may manage which Auth Keys (rest-api.md §3, issue 3): every user its own keys; a System-Admin
 * every user's; a Company-Admin those of its company's users whose permissions it could grant (the
 * rule of {@code type: "user"}, {@link UserAccess}). A caller narrowed by a restricted key makes and
 * changes only keys at least as narrow as itself, so self-service never widens a key. Each decision
 * is the decision point's ({@link AccessPolicy}); a key found manageable comes as its proof.
 */
@Component
final class KeyAccess {

	private final AuthKeyRepository keys;

	private final UserAccess users;

	private final AccessPolicy policy;

	KeyAccess(AuthKeyRepository keys, UserAccess users, AccessPolicy policy) {
		this.keys = keys;
		this.users = users;
		this.policy = policy;
	}

	/** The user a new key is for: the caller itself, or a user it administers. */
	Manageable<User> ownerOfNewKey(Caller caller, long contactId) {
		if (contactId == caller.userId()) {
			return this.users.self(caller);
		}
		this.policy.requireAdminOf(caller, caller.company(), "authinfo.create");
		return this.users.selfOrManageable(caller, contactId, "authinfo.manage");
	}

	/**
	 * The keys the caller may see: its own, and as an admin those of its company's users (every
	 * user's for a System-Admin).
	 */
	List<AuthKey> visible(Caller caller, AuthKeyScope scope) {
		return this.policy.oversight(caller, scope.contactId())
			.map((oversight) -> this.keys.find(scope.id(), oversight.owner(), oversight.company()))
			.orElse(List.of());
	}

	/** The keys of a user the caller manages. */
	List<AuthKey> of(Manageable<User> owner) {
		return this.keys.find(null, owner.subject().id(), null);
	}

	/** The owner's key {@code keyId}, as manageable as its owner; 404 when it is not one of the owner's. */
	Manageable<AuthKey> keyOf(Manageable<User> owner, long keyId) {
		return owner.part(this.keys.find(keyId, owner.subject().id(), null)
			.stream()
			.findFirst()
			.orElseThrow(KeyAccess::unknownKey));
	}

	/**
	 * The key {@code id}, if the caller may manage it. Anyone but an admin is refused (403) every key
	 * not its own, whether it exists or not; an admin gets 404 for a key it may not see, so its id
	 * tells nothing.
	 */
	Manageable<AuthKey> manageable(Caller caller, long id, String action) {
		Optional<AuthKey> own = this.keys.find(id, caller.userId(), null).stream().findFirst();
		if (own.isPresent()) {
			return this.policy.own(caller, own.get().userId(), own.get(), action);
		}
		this.policy.requireAdminOf(caller, caller.company(), action);
		AuthKey key = this.keys.find(id, null, this.policy.adminScope(caller))
			.stream()
			.findFirst()
			.orElseThrow(KeyAccess::unknownKey);
		return this.users.selfOrManageable(caller, key.userId(), "authinfo.manage").part(key);
	}

	/**
	 * A new key's restriction must lie within its owner's permissions (400), and a narrowed caller
	 * may make for itself only a key within the permissions it acts with (403).
	 */
	void requireAllowed(CallerAuthentication authentication, User owner, KeyRestriction restriction) {
		if (restriction.limit() != null && !restriction.limit().within(this.users.permsOf(owner))) {
			throw RestFailure.badRequest("authinfo.restrict_too_wide", "restrict names permissions the user does not hold");
		}
		this.policy.requireWithinCredential(authentication, owner.id(), restriction.asLimit(), "authinfo.create");
	}

	/** A narrowed caller may give a new value only to its keys that are at least as narrow as itself. */
	void requireNotWider(CallerAuthentication authentication, AuthKey key) {
		this.policy.requireWithinCredential(authentication, key.userId(), key.restriction().asLimit(), "authinfo.update");
	}

	private static RestFailure unknownKey() {
		return RestFailure.notFound("authinfo.unknown", "There is no such key");
	}
}
