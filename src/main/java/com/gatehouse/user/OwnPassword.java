package com.gatehouse.user;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * A signed-in user changing its own password from the admin console's "My account", by the path a
 * REST self-service update takes ({@link UserChanges} and {@link PasswordChange}): the current
 * password is needed (a wrong one is 400 {@code user.current_password}, counted and throttled), the
 * change is audited as {@code password.changed}, and the user's other sessions end while the one
 * in use is kept. No admin right is needed, as for {@code type: "user"}.
 */
@Component
public final class OwnPassword {

	private final UserAccess access;

	private final UserChanges changes;

	OwnPassword(UserAccess access, UserChanges changes) {
		this.access = access;
		this.changes = changes;
	}

	/** Sets {@code values.password}, proving {@code values.currentPassword}; nothing else may change. */
	public void change(Caller caller, ChangeUser values) {
		if (!values.changesOnlyPassword()) {
			throw RestFailure.badRequest("request.invalid", "Only a new password and the current one may be given");
		}
		this.changes.update(this.access.self(caller), values);
	}
}
