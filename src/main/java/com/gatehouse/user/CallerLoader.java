package com.gatehouse.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CredentialKind;
import com.gatehouse.role.RoleRepository;

/**
 * Reads a user's current identity and permissions for a call. Every credential kind goes through
 * here on every call, so a role change, a disable or a delete applies at the next call.
 */
@Component
public final class CallerLoader {

	private final UserRepository users;

	private final RoleRepository roles;

	CallerLoader(UserRepository users, RoleRepository roles) {
		this.users = users;
		this.roles = roles;
	}

	/**
	 * The enabled user {@code userId} as a caller acting in its home company as it is now (there is
	 * no switching company yet, so a user moved to another company acts there at its next call);
	 * empty when the user is gone or disabled.
	 */
	public Optional<Caller> load(long userId, CredentialKind via) {
		return this.users.findById(userId)
			.filter(User::enabled)
			.map((user) -> new Caller(user.id(), user.login(), user.name(), user.company(),
					user.company(), this.roles.permsOf(user.roleId()), via));
	}
}
