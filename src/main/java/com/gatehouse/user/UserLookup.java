package com.gatehouse.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The user reads other features need without a caller (the session feature ending a user's
 * sessions, or holding a user's row while it counts them), so that {@link UserRepository} and its
 * SQL stay this package's own. What a caller may see or manage is {@link UserAccess}' decision.
 */
@Component
public final class UserLookup {

	private final UserRepository users;

	UserLookup(UserRepository users) {
		this.users = users;
	}

	public Optional<User> findById(long id) {
		return this.users.findById(id);
	}

	/**
	 * Locks the user's row until the caller's transaction ends, so that work which must not
	 * interleave for one user (the session cap at login) runs one at a time across every instance;
	 * answers the user, or empty when it is gone.
	 */
	public Optional<User> lockById(long id) {
		return this.users.lockById(id);
	}
}
