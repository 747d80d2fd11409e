package com.gatehouse.permission;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The route decision of the gateway and the forward-auth endpoint (issue 11): may this caller make
 * this call to a PBX service? The first rule that matches the call decides; a call no rule matches
 * is refused, and so is every call when there are no rules (fail closed). A read-only Auth Key may
 * only make calls that read ({@link RouteCall#onlyReads()}); a narrowed key acts with the
 * permissions its provider already narrowed. A refusal is recorded as every other permission
 * denial is, by {@link AccessPolicy}, and answered 403.
 */
@Component
public final class RouteAccess {

	private final AccessPolicy policy;

	RouteAccess(AccessPolicy policy) {
		this.policy = policy;
	}

	/** The first of {@code rules} that matches {@code call}, whoever calls. */
	public static Optional<RouteRule> firstMatch(List<RouteRule> rules, RouteCall call) {
		return rules.stream().filter((rule) -> rule.matches(call)).findFirst();
	}

	/** The rule that allows the call; a {@code RestFailure} 403, recorded, when none does. */
	public RouteRule decide(CallerAuthentication authentication, RouteCall call, List<RouteRule> rules) {
		Caller caller = authentication.caller();
		RouteRule rule = firstMatch(rules, call)
			.orElseThrow(() -> this.policy.deny(caller, call.action(), "no route rule matches"));
		if (authentication.limit().readOnly() && !call.onlyReads()) {
			throw this.policy.deny(caller, call.action(), "read-only credential");
		}
		if (!rule.admits(caller, call)) {
			throw this.policy.deny(caller, call.action(), "not permitted");
		}
		return rule;
	}

}
