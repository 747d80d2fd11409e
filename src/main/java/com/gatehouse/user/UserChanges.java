package com.gatehouse.user;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.role.Role;
import com.gatehouse.role.SystemAdmins;

/**
 * Creates, changes and deletes users for the REST API and the admin console alike, once
 * {@link UserAccess} has found the user: each change in one transaction with its audit event
 * ({@code user.created}, {@code user.updated}, {@code user.deleted}, and {@code password.changed}
 * through {@link PasswordChange}). A deleted user's sessions end with it ({@link UserRemoved}).
 * Failures are {@link RestFailure}s: 400 for a role or company that is not there, 409 for a taken
 * login, deleting yourself or a change that would leave no enabled System-Admin ({@link SystemAdmins}:
 * every update and delete runs under its lock), 403 for a role the caller may not grant.
 */
@Component
public final class UserChanges {

	private final UserRepository users;

	private final UserAccess access;

	private final PasswordChange passwords;

	private final AuditTrail audit;

	private final TransactionOperations transactions;

	private final SystemAdmins systemAdmins;

	private final ApplicationEventPublisher events;

	UserChanges(UserRepository users, UserAccess access, PasswordChange passwords, AuditTrail audit,
			TransactionOperations transactions, SystemAdmins systemAdmins, ApplicationEventPublisher events) {
		this.users = users;
		this.access = access;
		this.passwords = passwords;
		this.audit = audit;
		this.transactions = transactions;
		this.systemAdmins = systemAdmins;
		this.events = events;
	}

	/** Creates the user {@code command} describes (checked by its constraints) and answers it as stored. */
	public User create(Caller caller, CreateUser command) {
		String company = (command.company() != null) ? command.company() : caller.company();
		Role role = this.access.grantableRole(caller, command.role(), company, "user.create");
		User user = new User(0, command.login(), (command.name() != null) ? command.name() : command.login(), company,
				role.name(), role.id(), command.enabled());
		String passwordHash = this.passwords.hashOf(command.password());
		long id = this.transactions.execute((status) -> {
			long created = this.users.insert(user, passwordHash);
			this.audit.record(AuditEntry.by(caller, "user.created", user.describe()).about(created, user.login(), company));
			return created;
		});
		return this.users.findById(id).orElseThrow();
	}

	/** Applies the non-null members of {@code values} to the user (found manageable through {@link UserAccess}). */
	public User update(Manageable<User> target, ChangeUser values) {
		Caller caller = target.caller();
		User user = target.subject();
		if (user.id() == caller.userId() && values.changesSignInOf(user)) {
			// Issue 12: the owner itself, proven, changes how it signs in; a stolen session or key may not.
			this.access.requireNotKey(caller, "user.sign_in_change");
			this.passwords.requireCurrent(user, values.currentPassword());
		}
		String company = (values.company() != null) ? values.company() : user.company();
		if (!company.equals(user.company())) {
			this.access.requireSystemAdmin(caller, "user.move");
		}
		Role role = (values.role() != null || !company.equals(user.company()))
				? this.access.grantableRole(caller, (values.role() != null) ? values.role() : user.role(), company,
						"user.update")
				: this.access.roleOf(user);
		User changed = new User(user.id(), (values.login() != null) ? values.login() : user.login(),
				(values.name() != null) ? values.name() : user.name(), company, role.name(), role.id(),
				(values.enabled() != null) ? values.enabled() : user.enabled());
		String passwordHash = this.passwords.newHash(values);
		String changes = user.changesTo(changed);
		this.systemAdmins.keepOne(() -> {
			this.users.update(changed, passwordHash);
			// A password alone is its own event (password.changed); user.updated tells every other change.
			if (!changes.isEmpty() || passwordHash == null) {
				this.audit.record(AuditEntry.by(caller, "user.updated", changes).about(user.id(), changed.login(), company));
			}
			if (passwordHash != null) {
				this.passwords.record(caller, changed);
			}
		});
		if (passwordHash != null) {
			this.passwords.endStaleSessions(caller, changed);
		}
		return this.users.findById(user.id()).orElseThrow();
	}

	/** Deletes the user; nobody deletes their own account (409). */
	public void delete(Manageable<User> target) {
		Caller caller = target.caller();
		User user = target.subject();
		if (user.id() == caller.userId()) {
			throw RestFailure.conflict("user.self", "You cannot delete your own account");
		}
		this.systemAdmins.keepOne(() -> {
			this.users.delete(user.id());
			this.audit.record(AuditEntry.by(caller, "user.deleted", user.describe()).about(user.id(), user.login(), user.company()));
		});
		this.events.publishEvent(new UserRemoved(user.id()));
	}
}
