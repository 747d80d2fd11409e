package com.gatehouse.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

	/** The meters by their tags, looked up once each: a registry lookup builds and sorts the tags every time. */
	private final Map<Tags, Meters> byTags = new ConcurrentHashMap<>();

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
		Meters meters = this.byTags.computeIfAbsent(new Tags(prefix, section, verb, type, outcome), this::register);
		meters.requests().increment();
		sample.stop(meters.latency());
	}

	private Meters register(Tags tags) {
		Counter requests = Counter.builder(tags.prefix() + ".requests")
			.description("Calls decided, by the policy rule that matched and the outcome")
			.tags("section", tags.section(), "verb", tags.verb(), "type", tags.type(), "outcome", tags.outcome())
			.register(this.meters);
		Timer latency = Timer.builder(tags.prefix() + ".latency")
			.description("Time to decide a call (and for the gateway, until the upstream's answer began)")
			.tags("outcome", tags.outcome())
			.register(this.meters);
		return new Meters(requests, latency);
	}

	/** As many as the policy's rules times the outcomes: the tags never hold a client's own words. */
	private record Tags(String prefix, String section, String verb, String type, String outcome) {
	}

	private record Meters(Counter requests, Timer latency) {
	}
}
