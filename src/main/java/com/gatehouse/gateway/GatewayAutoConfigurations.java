package com.gatehouse.gateway;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.core.env.Environment;

/**
 * The auto-configurations that only the gateway brings in (Spring Cloud's context, commons and
 * Gateway Server WebMVC, and the HTTP client and {@code RestClient} support they sit on), left out
 * while the gateway is off, which is the default: parsing them and making their refresh scope,
 * discovery client, route holders and HTTP client factories was a large share of the work at
 * startup (docs/performance.md), for beans that nothing uses without an upstream or a policy. With
 * either set, every one of them is configured as before. Asked by
 * {@code system/UnusedAutoConfigurations}.
 */
public final class GatewayAutoConfigurations {

	private static final List<String> GATEWAY_ONLY = List.of("org.springframework.cloud.",
			"org.springframework.boot.restclient.", "org.springframework.boot.http.client.");

	private GatewayAutoConfigurations() {
	}

	/** The auto-configurations (by class name) that the gateway as configured does not need. */
	public static Predicate<String> unused(Environment environment) {
		if (GatewayOn.in(environment)) {
			return (candidate) -> false;
		}
		return (candidate) -> GATEWAY_ONLY.stream().anyMatch(candidate::startsWith);
	}
}
