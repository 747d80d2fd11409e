package com.gatehouse.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the audit trail remembers.
 *
 * @param retention events older than this are pruned (default 90 days); it must be positive
 */
@ConfigurationProperties("gatehouse.audit")
public record AuditProperties(Duration retention) {

	public AuditProperties {
		if (retention == null) {
			retention = Duration.ofDays(90);
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("gatehouse.audit.retention must be positive, not " + retention);
		}
	}
}
