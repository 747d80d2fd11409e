package com.gatehouse.authkey;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.role.RoleRepository;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.user.User;
import com.gatehouse.user.UserRepository;

/**
 * Who may manage which Auth Keys (rest-api.md §3, issue 3): every user its own keys; a System-Admin
 * every user's; a Company-Admin those of its company's users whose permissions it could grant. A
 * caller narrowed by a restricted key makes and changes only keys at least as narrow as itself, so
 * self-service never widens a key.
 */
@Component
final class KeyAccess {

	private final AuthKeyRepository keys;

	private final UserRepository users;

	private final RoleRepository roles;

	private final AccessPolicy policy;

	KeyAccess(AuthKeyRepository keys, UserRepository users, RoleRepository roles, AccessPolicy policy) {
		this.keys = keys;
		this.users = users;
		this.roles = roles;
		this.policy = policy;
	}

	/** The user a new key is for: the caller itself, or a user it administers. */
	User ownerOfNewKey(Caller caller, long contactId) {
		if (contactId == caller.userId()) {
			return this.users.findById(contactId).orElseThrow(KeyAccess::unknownUser);
		}
		this.policy.requireAdminOf(caller, caller.company(), "authinfo.create");
		return manageableOwner(caller, contactId);
	}

	/**
	 * The keys the caller may see: its own, and as an admin those of its company's users (every
	 * user's for a System-Admin).
	 */
	List<AuthKey> visible(Caller caller, AuthKeyScope scope) {
		if (caller.isAdminOf(caller.company())) {
			return this.keys.find(scope.id(), scope.contactId(), visibleCompany(caller));
		}
		if (scope.contactId() != null && scope.contactId() != caller.userId()) {
			return List.of();
		}
		return this.keys.find(scope.id(), caller.userId(), null);
	}

	/**
	 * The key {@code id}, if the caller may manage it. Anyone but an admin is refused (403) every key
	 * not its own, whether it exists or not; an admin gets 404 for a key it may not see, so its id
	 * tells nothing.
	 */
	AuthKey manageable(Caller caller, long id, String action) {
		Optional<AuthKey> own = this.keys.find(id, caller.userId(), null).stream().findFirst();
		if (own.isPresent()) {
			return own.get();
		}
		this.policy.requireAdminOf(caller, caller.company(), action);
		AuthKey key = this.keys.find(id, null, visibleCompany(caller))
			.stream()
			.findFirst()
			.orElseThrow(() -> RestFailure.notFound("authinfo.unknown", "There is no such key"));
		manageableOwner(caller, key.userId());
		return key;
	}

	/**
	 * A new key's restriction must lie within its owner's permissions (400), and a narrowed caller
	 * may make for itself only a key within the permissions it acts with (403).
	 */
	void requireAllowed(CallerAuthentication authentication, User owner, KeyRestriction restriction) {
		if (restriction.limit() != null && !restriction.limit().within(this.roles.permsOf(owner.roleId()))) {
			throw RestFailure.badRequest("authinfo.restrict_too_wide", "restrict names permissions the user does not hold");
		}
		this.policy.requireWithinCredential(authentication, owner.id(), restriction.asLimit(), "authinfo.create");
	}

	/** A narrowed caller may give a new value only to its keys that are at least as narrow as itself. */
	void requireNotWider(CallerAuthentication authentication, AuthKey key) {
		this.policy.requireWithinCredential(authentication, key.userId(), key.restriction().asLimit(), "authinfo.update");
	}

	private User manageableOwner(Caller caller, long userId) {
		User owner = this.users.findById(userId)
			.filter((user) -> caller.isAdminOf(user.company()))
			.orElseThrow(KeyAccess::unknownUser);
		this.policy.requireCanGrant(caller, this.roles.permsOf(owner.roleId()), owner.company(), "authinfo.manage");
		return owner;
	}

	/** The company whose users' keys an admin sees: every company (null) for a System-Admin. */
	private static @Nullable String visibleCompany(Caller caller) {
		return caller.isSystemAdmin() ? null : caller.company();
	}

	private static RestFailure unknownUser() {
		return RestFailure.notFound("user.unknown", "There is no such user");
	}
}
