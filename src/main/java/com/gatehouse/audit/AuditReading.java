package com.gatehouse.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;

/**
 * Who reads the audit trail, and what they see, for the REST API ({@code type: "audit"}) and the
 * admin console alike: a System-Admin every event, a Company-Admin only the events of the company
 * it administers, anyone else nothing (403).
 */
@Component
public final class AuditReading {

	private final AuditRepository events;

	private final AccessPolicy policy;

	AuditReading(AuditRepository events, AccessPolicy policy) {
		this.events = events;
		this.policy = policy;
	}

	/** 403 unless the caller may read the trail at all; {@code action} names the attempt for a denial. */
	void requireReader(Caller caller, String action) {
		this.policy.requireAdminOf(caller, caller.company(), action);
	}

	/** The events {@code scope} selects among those the caller may read, newest first. */
	public List<AuditEvent> read(Caller caller, AuditScope scope) {
		return read(caller, scope, 0);
	}

	/** As {@link #read(Caller, AuditScope)}, after the {@code skip} newest of them (an older page). */
	public List<AuditEvent> read(Caller caller, AuditScope scope, long skip) {
		requireReader(caller, "audit.read");
		return this.events.find(scope.query(this.policy.adminScope(caller), skip));
	}
}
