package com.gatehouse.gateway;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.RouteRule;

/**
 * Counts every decision of the gateway ({@code gatehouse_gateway_requests_total}) and of the
 * forward-auth endpoint ({@code gatehouse_forward_auth_requests_total}) by
 * {@code section}, {@code verb}, {@code type} and {@code outcome}, and times each
 * ({@code gatehouse_gateway_latency_seconds}, {@code gatehouse_forward_auth_latency_seconds}).
 * The tags are those of the policy rule that matched (its {@code path} as the section for a path
 * rule, {@code *} where it matches any), {@code none} when none did: never what a client typed,
 * which would let anyone grow the metrics without bound.
 */
@Component
final class GatewayMetrics {

	static final String GATEWAY = "gatehouse.gateway";

	static final String FORWARD_AUTH = "gatehouse.forward_auth";

	private static final String NONE = "none";

	private final MeterRegistry meters;

	GatewayMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	Timer.Sample start() {
		return Timer.start(this.meters);
	}

	void record(String prefix, Optional<RouteRule> rule, String outcome, Timer.Sample sample) {
		String section = rule.map((matched) -> (matched.pathPrefix() != null) ? matched.pathPrefix() : matched.section())
			.orElse(NONE);
		String verb = rule.map(RouteRule::verb).orElse(rule.isPresent() ? RouteRule.ANY : NONE);
		String type = rule.map(RouteRule::type).orElse(rule.isPresent() ? RouteRule.ANY : NONE);
		Counter.builder(prefix + ".requests")
			.description("Calls decided, by the policy rule that matched and the outcome")
			.tags("section", section, "verb", verb, "type", type, "outcome", outcome)
			.register(this.meters)
			.increment();
		sample.stop(Timer.builder(prefix + ".latency")
			.description("Time to decide a call (and for the gateway, until the upstream's answer began)")
			.tags("outcome", outcome)
			.register(this.meters));
	}
}
