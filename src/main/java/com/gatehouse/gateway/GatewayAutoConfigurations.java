package com.gatehouse.gateway;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out the auto-configurations that only the gateway brings in (Spring Cloud's context,
 * commons and Gateway Server WebMVC, and the HTTP client and {@code RestClient} support they sit
 * on) while the gateway is off, which is the default: parsing them and making their refresh scope,
 * discovery client, route holders and HTTP client factories was a large share of the work at
 * startup (docs/performance.md), for beans that nothing uses without an upstream or a policy. With
 * either set, every one of them is configured as before. Registered in
 * {@code META-INF/spring.factories}.
 */
final class GatewayAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String[] GATEWAY_ONLY = { "org.springframework.cloud.", "org.springframework.boot.restclient.",
			"org.springframework.boot.http.client." };

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
		Environment environment = this.environment;
		if (environment == null) {
			throw new IllegalStateException("GatewayAutoConfigurations needs the environment");
		}
		boolean gatewayOn = GatewayOn.in(environment);
		boolean[] matches = new boolean[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			matches[i] = gatewayOn || !gatewayOnly(candidates[i]);
		}
		return matches;
	}

	private static boolean gatewayOnly(@Nullable String candidate) {
		if (candidate == null) {
			return false;
		}
		for (String prefix : GATEWAY_ONLY) {
			if (candidate.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
