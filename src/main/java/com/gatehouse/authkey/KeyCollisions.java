package com.gatehouse.authkey;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.gatehouse.abuse.FailedCredentials;
import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * A client-chosen key value that is already in use (409 {@code authinfo.exists}) is a guess that hit
 * somebody's key (issue 12): it counts as a failed credential for the client address, so the
 * brute-force limit throttles the guessing (429 once over it), and it records {@code key.collision}
 * about the caller, which names neither the key nor its owner.
 */
@Component
final class KeyCollisions {

	private final FailedCredentials failures;

	private final AuditTrail audit;

	KeyCollisions(FailedCredentials failures, AuditTrail audit) {
		this.failures = failures;
		this.audit = audit;
	}

	/** Runs {@code write}, which sets a client-chosen value; a collision is counted and audited. */
	<T> T guarded(Caller caller, Supplier<T> write) {
		try {
			return write.get();
		}
		catch (RestFailure failure) {
			if (!"authinfo.exists".equals(failure.code())) {
				throw failure;
			}
			this.audit.record(AuditEntry.by(caller, "key.collision", "offered a key value that is already in use")
				.about(caller));
			String address = AuditTrail.clientAddress();
			FailedCredentials.Verdict verdict = this.failures.failed(null, (address != null) ? address : "unknown");
			if (verdict.throttle() != null) {
				throw RestFailure.throttled(verdict.throttle());
			}
			throw failure;
		}
	}
}
