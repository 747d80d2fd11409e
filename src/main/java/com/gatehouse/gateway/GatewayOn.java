package com.gatehouse.gateway;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The gateway's endpoints exist when an upstream or a policy is set: the reverse proxy needs the
 * upstream, and forward-auth (behind a proxy that forwards by itself) needs only the policy.
 */
final class GatewayOn extends AnyNestedCondition {

	GatewayOn() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("gatehouse.gateway.upstream")
	static final class UpstreamSet {
	}

	@ConditionalOnProperty("gatehouse.gateway.policy")
	static final class PolicySet {
	}
}
