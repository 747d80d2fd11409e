package com.gatehouse.gateway;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.RouteAccess;
import com.gatehouse.permission.RouteCall;
import com.gatehouse.permission.RouteRule;
import com.gatehouse.rest.RestFailure;

/**
 * The forward-auth endpoint's decisions and answers: a verified caller's decision through
 * {@link RouteAccess}, kept for {@code decisionCache} per credential and route; an answer of 200
 * with fresh identity headers (a new assertion each time, even from a kept decision), or a bare
 * 401 or 403; each one counted.
 */
@Component
@Conditional(GatewayOn.class)
final class Judge {

	private final RoutePolicy policy;

	private final RouteAccess access;

	private final Identity identity;

	private final GatewayMetrics metrics;

	private final @Nullable Cache<String, Decision> decisions;

	Judge(RoutePolicy policy, RouteAccess access, Identity identity, GatewayMetrics metrics, GatewayProperties properties) {
		this.policy = policy;
		this.access = access;
		this.identity = identity;
		this.metrics = metrics;
		this.decisions = properties.decisionCache().isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(properties.decisionCache()).maximumSize(10_000).build();
	}

	RoutePolicy policy() {
		return this.policy;
	}

	GatewayMetrics metrics() {
		return this.metrics;
	}

	@Nullable Decision cached(String key) {
		return (this.decisions != null) ? this.decisions.getIfPresent(key) : null;
	}

	void keep(String key, Decision decision) {
		if (this.decisions != null) {
			this.decisions.put(key, decision);
		}
	}

	Decision decide(CallerAuthentication caller, RouteCall call) {
		try {
			this.access.decide(caller, call, this.policy.rules());
			return new Decision(caller);
		}
		catch (RestFailure denied) {
			return new Decision(null);
		}
	}

	ResponseEntity<Void> answer(Optional<RouteRule> matched, RouteCall call, Decision decision, Timer.Sample sample) {
		CallerAuthentication allowed = decision.allowed();
		if (allowed == null) {
			return answer(matched, HttpStatus.FORBIDDEN, "denied", sample);
		}
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		this.identity.headers(allowed.caller(), call.method(), call.path()).forEach(ok::header);
		this.metrics.record(GatewayMetrics.FORWARD_AUTH, matched, "allowed", sample);
		return ok.build();
	}

	ResponseEntity<Void> answer(Optional<RouteRule> matched, HttpStatus status, String outcome, Timer.Sample sample) {
		this.metrics.record(GatewayMetrics.FORWARD_AUTH, matched, outcome, sample);
		return ResponseEntity.status(status).build();
	}

	/** A verified caller's decision: allowed (the caller to vouch for) or, when null, refused. */
	record Decision(@Nullable CallerAuthentication allowed) {
	}
}
