package com.gatehouse.audit;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Caller;

/**
 * One event of the audit trail, before it is written. {@code contactId}, {@code login} and
 * {@code company} name the user the event is about (only {@code login} for a login that matches no
 * user); {@code detail} says who did what, for a person. None of them ever holds a secret.
 */
public record AuditEntry(String event, @Nullable Long contactId, @Nullable String login, @Nullable String company,
		String detail) {

	public static AuditEntry of(String event, String detail) {
		return new AuditEntry(event, null, null, null, detail);
	}

	/**
	 * An entry whose detail names the one who acted, then what they did: {@code "by admin (1)"}, or
	 * {@code "by admin (1): name 'A' -> 'B'"} when {@code what} is not empty.
	 */
	public static AuditEntry by(Caller actor, String event, String what) {
		String by = "by " + actor.login() + " (" + actor.userId() + ")";
		return of(event, what.isEmpty() ? by : by + ": " + what);
	}

	/** The same entry about the user {@code caller} acts as, in its home company. */
	public AuditEntry about(Caller caller) {
		return about(caller.userId(), caller.login(), caller.home());
	}

	/** The same entry about the user {@code contactId}, {@code login}, of {@code company}. */
	public AuditEntry about(long contactId, String login, String company) {
		return new AuditEntry(this.event, contactId, login, company, this.detail);
	}

	/** The same entry about a login name that may match no user. */
	public AuditEntry aboutLogin(String login) {
		return new AuditEntry(this.event, this.contactId, login, this.company, this.detail);
	}

	/**
	 * The same entry about {@code company} (a handle, or null for no company) and no user, for a
	 * change to a company or a role: only a System-Admin sees events without a company.
	 */
	public AuditEntry inCompany(@Nullable String company) {
		return new AuditEntry(this.event, null, null, company, this.detail);
	}
}
