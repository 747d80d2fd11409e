package com.gatehouse.user;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.abuse.FailedCredentials;
import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Manageable;

/**
 * Lets a user who cannot sign in do so again, the way out for a locked-out or disabled last admin:
 * the user is enabled (a {@link UserChanges#update} like any other, audited {@code user.updated})
 * and its login lock and failure count are cleared, audited {@code login.unlocked}. Its password,
 * sessions and keys are left as they are.
 */
@Component
public final class UserUnlock {

	private final UserChanges changes;

	private final FailedCredentials failures;

	private final AuditTrail audit;

	private final TransactionOperations transactions;

	UserUnlock(UserChanges changes, FailedCredentials failures, AuditTrail audit, TransactionOperations transactions) {
		this.changes = changes;
		this.failures = failures;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Enables the user and lifts its login lock; answers the user as it is now. */
	public User unlock(Manageable<User> target) {
		User user = target.subject();
		User enabled = user.enabled() ? user : this.changes.update(target, ChangeUser.enabled(true));
		boolean wasLocked = this.failures.isLocked(user.login());
		this.transactions.executeWithoutResult((status) -> {
			this.failures.unlock(user.login());
			this.audit.record(AuditEntry.by(target.caller(), "login.unlocked", wasLocked ? "lock lifted" : "")
				.about(user.id(), user.login(), user.company()));
		});
		return enabled;
	}
}
