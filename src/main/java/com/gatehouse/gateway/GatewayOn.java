package com.gatehouse.gateway;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;

/**
 * The gateway's endpoints exist when an upstream or a policy is set: the reverse proxy needs the
 * upstream, and forward-auth (behind a proxy that forwards by itself) needs only the policy.
 */
final class GatewayOn extends AnyNestedCondition {

	static final String UPSTREAM = "gatehouse.gateway.upstream";

	static final String POLICY = "gatehouse.gateway.policy";

	GatewayOn() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	/** The same decision before any bean exists, for {@link GatewayAutoConfigurations}. */
	static boolean in(Environment environment) {
		return isSet(environment, UPSTREAM) || isSet(environment, POLICY);
	}

	// @ConditionalOnProperty's own test: present and not "false".
	private static boolean isSet(Environment environment, String name) {
		String value = environment.getProperty(name);
		return value != null && !"false".equalsIgnoreCase(value);
	}

	@ConditionalOnProperty(UPSTREAM)
	static final class UpstreamSet {
	}

	@ConditionalOnProperty(POLICY)
	static final class PolicySet {
	}
}
