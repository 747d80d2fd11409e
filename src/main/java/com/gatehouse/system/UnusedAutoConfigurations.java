package com.gatehouse.system;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import com.gatehouse.gateway.GatewayAutoConfigurations;
import com.gatehouse.session.SessionStoreAutoConfigurations;

/**
 * Leaves out, before Spring Boot even parses them, the auto-configurations the settings make
 * unused: the session store not chosen and Redis when nothing uses it
 * ({@link SessionStoreAutoConfigurations}), Spring Cloud while the gateway is off
 * ({@link GatewayAutoConfigurations}). Registered in {@code META-INF/spring.factories}.
 */
final class UnusedAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
		Environment environment = this.environment;
		if (environment == null) {
			throw new IllegalStateException("UnusedAutoConfigurations needs the environment");
		}
		Predicate<String> unused = SessionStoreAutoConfigurations.unused(environment)
			.or(GatewayAutoConfigurations.unused(environment));
		boolean[] matches = new boolean[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			String candidate = candidates[i];
			matches[i] = candidate == null || !unused.test(candidate);
		}
		return matches;
	}
}
