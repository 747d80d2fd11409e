package com.gatehouse.user;

import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.gatehouse.authcache.AuthCache;
import com.gatehouse.authcache.AuthCaches;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Permissions;
import com.gatehouse.role.RoleLookup;

/**
 * Reads a user's current identity and permissions for a call. Every credential kind goes through
 * here on every call. Users and role permissions are read through the authentication-path cache,
 * which drops a user when it changes and a role's permissions when they do, on every instance; a
 * role change, a disable or a delete applies at the next call on this instance and within the
 * cache's bound (1 s) on the others.
 */
@Component
public final class CallerLoader {

	private final UserRepository users;

	private final RoleLookup roles;

	private final AuthCache<Long, Optional<User>> usersById;

	private final AuthCache<Long, Permissions> permsByRole;

	CallerLoader(UserRepository users, RoleLookup roles, AuthCaches caches) {
		this.users = users;
		this.roles = roles;
		// A role's change evicts that role's permissions only: its holders' user rows are unchanged.
		this.usersById = caches.create("users", (change, id, user) -> change.affectsUser(id));
		this.permsByRole = caches.create("role-perms", (change, roleId, perms) -> change.affectsRole(roleId));
	}

	/**
	 * The enabled user {@code userId} as a caller acting in its home company as it is now (there is
	 * no switching company yet, so a user moved to another company acts there at its next call);
	 * empty when the user is gone or disabled.
	 */
	public Optional<Caller> load(long userId, CredentialKind via) {
		return Objects.requireNonNull(this.usersById.get(userId, this.users::findById))
			.filter(User::enabled)
			.map((user) -> new Caller(user.id(), user.login(), user.name(), user.company(), user.company(),
					Objects.requireNonNull(this.permsByRole.get(user.roleId(), this.roles::permsOf)), via));
	}
}
