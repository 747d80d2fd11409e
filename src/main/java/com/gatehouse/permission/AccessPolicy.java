package com.gatehouse.permission;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.gatehouse.rest.RestFailure;

/**
 * Decides what a caller may do to the directory; denies by default. The rules (rest-api.md §4):
 * System-Admin ({@code admin: yes}) may do anything; Company-Admin ({@code admin: company}) only
 * in its current company, and only to users and roles whose permissions it could grant itself;
 * nobody grants a permission wider than one they hold. A denial is counted, logged, published as a
 * {@link PermissionDenied} (the audit trail records it) and answered 403.
 */
@Component
public final class AccessPolicy {

	private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

	private final Counter denials;

	private final ApplicationEventPublisher events;

	AccessPolicy(MeterRegistry meters, ApplicationEventPublisher events) {
		this.events = events;
		this.denials = Counter.builder("gatehouse.permission.denials")
			.description("Calls refused because the caller lacked a permission")
			.register(meters);
	}

	public void requireSystemAdmin(Caller caller, String action) {
		if (!caller.isSystemAdmin()) {
			throw deny(caller, action);
		}
	}

	public void requireAdminOf(Caller caller, String companyHandle, String action) {
		if (!caller.isAdminOf(companyHandle)) {
			throw deny(caller, action);
		}
	}

	/**
	 * Requires that the caller administers {@code companyHandle} and could grant every one of
	 * {@code perms} there: to create or assign a role with them, or to manage a user who holds them
	 * (changing a user's password is as good as holding their permissions).
	 */
	public void requireCanGrant(Caller caller, Permissions perms, String companyHandle, String action) {
		if (!canGrant(caller, perms, companyHandle)) {
			throw deny(caller, action);
		}
	}

	public boolean canGrant(Caller caller, Permissions perms, String companyHandle) {
		return caller.isAdminOf(companyHandle) && ungrantable(caller, perms).isEmpty();
	}

	/**
	 * The names of {@code perms} the caller could not grant even in a company it administers: those
	 * wider than its own (a Company-Admin grants "company" of anything, "yes" only of what it holds
	 * with "yes"). A form shows them next to their fields; the decision stays {@link #canGrant}'s.
	 */
	public Set<String> ungrantable(Caller caller, Permissions perms) {
		if (caller.isSystemAdmin()) {
			return Set.of();
		}
		return perms.grants()
			.entrySet()
			.stream()
			.filter((wanted) -> !caller.perms().holds(wanted.getKey(), wanted.getValue())
					&& !(wanted.getValue() == Grant.COMPANY && caller.perms().holds(Permissions.ADMIN, Grant.COMPANY)))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Counts, logs and publishes a denial (the audit trail records it); the 403 to throw. */
	RestFailure deny(Caller caller, String action) {
		this.denials.increment();
		log.info("permission denied user_id={} action={}", caller.userId(), action);
		this.events.publishEvent(new PermissionDenied(caller, action));
		return RestFailure.forbidden();
	}
}
