package com.gatehouse.gateway;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.RouteRule;

/**
 * The route policy in force: the rules of {@code GATEHOUSE_GATEWAY_POLICY} in file order, each
 * with its upstream. Without a policy file it has no rules, and the decision refuses every call.
 */
record RoutePolicy(List<GatewayRoute> routes) {

	RoutePolicy {
		routes = List.copyOf(routes);
	}

	static RoutePolicy none() {
		return new RoutePolicy(List.of());
	}

	List<RouteRule> rules() {
		return this.routes.stream().map(GatewayRoute::rule).toList();
	}

	/** Where calls {@code rule} allowed go: its own upstream, else {@code fallback}. */
	@Nullable URI upstreamOf(RouteRule rule, @Nullable URI fallback) {
		return this.routes.stream()
			.filter((route) -> route.rule() == rule)
			.map(GatewayRoute::upstream)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(fallback);
	}
}
