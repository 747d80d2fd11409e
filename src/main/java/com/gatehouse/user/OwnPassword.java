package com.gatehouse.user;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * A signed-in user changing its own password from the admin console's "My account", by the path a
 * REST self-service update takes ({@link PasswordChange}): the current password is needed (a
 * wrong one is 400 {@code user.current_password}, counted and throttled), the change is audited as
 * {@code password.changed}, and the user's other sessions end while the one in use is kept.
 */
@Component
public final class OwnPassword {

	private final UserRepository users;

	private final PasswordChange passwords;

	private final TransactionOperations transactions;

	OwnPassword(UserRepository users, PasswordChange passwords, TransactionOperations transactions) {
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
	}

	/** Sets {@code values.password}, proving {@code values.currentPassword}; nothing else may change. */
	public void change(Caller caller, UserValues values) {
		if (!values.changesOnlyPassword()) {
			throw RestFailure.badRequest("request.invalid", "Only a new password and the current one may be given");
		}
		User self = this.users.findById(caller.userId())
			.orElseThrow(() -> RestFailure.notFound("user.unknown", "There is no such user"));
		String hash = this.passwords.newHash(caller, self, values);
		this.transactions.executeWithoutResult((status) -> {
			this.users.update(self, hash);
			this.passwords.record(caller, self);
		});
		this.passwords.endStaleSessions(caller, self);
	}
}
