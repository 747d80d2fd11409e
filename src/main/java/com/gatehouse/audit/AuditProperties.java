package com.gatehouse.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the audit trail remembers, and whether it is also logged.
 *
 * @param retention events older than this are pruned (default 90 days); it must be positive
 * @param log also log every audit event once committed, as a structured event (logger
 * {@code com.gatehouse.audit.events}, its fields as key-value pairs) for a SIEM reading the
 * service's JSON logs; off by default
 */
@ConfigurationProperties("gatehouse.audit")
public record AuditProperties(Duration retention, boolean log) {

	public AuditProperties {
		if (retention == null) {
			retention = Duration.ofDays(90);
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("gatehouse.audit.retention must be positive, not " + retention);
		}
	}
}
