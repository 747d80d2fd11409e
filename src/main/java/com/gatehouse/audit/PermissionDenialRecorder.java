package com.gatehouse.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.gatehouse.permission.PermissionDenied;

/**
 * Records each {@link PermissionDenied} as a {@code permission.denied} event about the caller, the
 * action in its detail. The denial fails the call, so the event is written in a transaction of its
 * own: one the call may have opened rolls back, and the event must stay.
 */
@Component
final class PermissionDenialRecorder {

	private final AuditTrail trail;

	private final TransactionTemplate ownTransaction;

	PermissionDenialRecorder(AuditTrail trail, PlatformTransactionManager transactions) {
		this.trail = trail;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void onDenied(PermissionDenied denied) {
		this.ownTransaction.executeWithoutResult((status) -> this.trail
			.record(AuditEntry.by(denied.caller(), "permission.denied", denied.action()).about(denied.caller())));
	}
}
