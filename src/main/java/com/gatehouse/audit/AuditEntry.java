package com.gatehouse.audit;

import org.jspecify.annotations.Nullable;

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

	/** The same entry about the user {@code contactId}, {@code login}, of {@code company}. */
	public AuditEntry about(long contactId, String login, String company) {
		return new AuditEntry(this.event, contactId, login, company, this.detail);
	}

	/** The same entry about a login name that may match no user. */
	public AuditEntry aboutLogin(String login) {
		return new AuditEntry(this.event, this.contactId, login, this.company, this.detail);
	}
}
