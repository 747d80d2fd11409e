package com.gatehouse.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway and the forward-auth endpoint ({@code GATEHOUSE_GATEWAY_*}).
 *
 * @param upstream where calls to other sections go (scheme, host and port); null: no gateway, such
 * calls stay 404
 * @param policy the route policy file (YAML); null: every call is refused (fail closed)
 * @param connectTimeout how long to wait for a connection to an upstream (then 502)
 * @param readTimeout how long an upstream may stay silent: before its answer begins (then 504), or
 * in the middle of a body (then the answer breaks off); a body that keeps coming streams as long as
 * it takes
 * @param assertionLifetime how long an {@code X-Gatehouse-Assertion} is valid (at most 60 s)
 * @param keyRotation how old the assertion signing key grows before a new one replaces it
 * @param decisionCache how long a forward-auth decision is kept per credential and route (at most 1 s)
 * @param maxConnections how many connections to one upstream the gateway keeps open and alive at most
 * (200, as many as calls the server works on at once); a call that finds them all busy for the connect
 * timeout gets 502
 */
@ConfigurationProperties("gatehouse.gateway")
public record GatewayProperties(@Nullable URI upstream, @Nullable Path policy, Duration connectTimeout,
		Duration readTimeout, Duration assertionLifetime, Duration keyRotation, Duration decisionCache,
		Integer maxConnections) {

	static final Duration MAX_ASSERTION_LIFETIME = Duration.ofSeconds(60);

	static final Duration MAX_DECISION_CACHE = Duration.ofSeconds(1);

	static final int DEFAULT_MAX_CONNECTIONS = 200;

	public GatewayProperties {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(2);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(30);
		assertionLifetime = (assertionLifetime != null) ? assertionLifetime : MAX_ASSERTION_LIFETIME;
		keyRotation = (keyRotation != null) ? keyRotation : Duration.ofDays(30);
		decisionCache = (decisionCache != null) ? decisionCache : MAX_DECISION_CACHE;
		maxConnections = (maxConnections != null) ? maxConnections : DEFAULT_MAX_CONNECTIONS;
		if (maxConnections < 1) {
			throw new IllegalArgumentException("gatehouse.gateway.max-connections must be at least 1");
		}
		if (assertionLifetime.isNegative() || assertionLifetime.isZero() || assertionLifetime.compareTo(MAX_ASSERTION_LIFETIME) > 0) {
			throw new IllegalArgumentException("gatehouse.gateway.assertion-lifetime must be between 1s and 60s");
		}
		if (decisionCache.isNegative() || decisionCache.compareTo(MAX_DECISION_CACHE) > 0) {
			throw new IllegalArgumentException("gatehouse.gateway.decision-cache must be between 0s and 1s");
		}
		if (upstream != null) {
			Upstreams.check(upstream, "GATEHOUSE_GATEWAY_UPSTREAM");
		}
	}
}
