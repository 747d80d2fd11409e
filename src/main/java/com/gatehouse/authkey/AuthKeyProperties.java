package com.gatehouse.authkey;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Auth Key policy (issue 3). The defaults keep keys as the API documents them: no expiry is
 * needed, and a rotation ends the old value at once.
 *
 * @param maxLifetime how far from the moment a key value is issued its expiry may lie; a key issued
 * without an expiry then expires after this long. Null: no cap
 * @param requireExpiry every key value must be issued with an explicit expiry
 * @param rotationGrace how long the value a rotation replaced keeps working
 * @param leakReportLimit leak reports accepted from one client address per {@code leakReportWindow}
 * @param leakReportWindow the window of {@code leakReportLimit}
 * @param leakReportMaxKeys most keys one leak report may name
 * @param revokedRetention how long the console keeps listing a revoked key (when, by whom) after
 * its revocation; then its record is pruned (default 90 days, as the audit trail's key.revoked)
 */
@ConfigurationProperties("gatehouse.keys")
public record AuthKeyProperties(@Nullable Duration maxLifetime, boolean requireExpiry, Duration rotationGrace,
		int leakReportLimit, Duration leakReportWindow, int leakReportMaxKeys, Duration revokedRetention) {

	public AuthKeyProperties {
		if (maxLifetime != null && (maxLifetime.isZero() || maxLifetime.isNegative())) {
			throw new IllegalArgumentException("gatehouse.keys.max-lifetime must be positive");
		}
		if (rotationGrace == null) {
			rotationGrace = Duration.ZERO;
		}
		if (rotationGrace.isNegative()) {
			throw new IllegalArgumentException("gatehouse.keys.rotation-grace must not be negative");
		}
		if (leakReportLimit <= 0) {
			leakReportLimit = 20;
		}
		if (leakReportWindow == null) {
			leakReportWindow = Duration.ofMinutes(10);
		}
		if (leakReportMaxKeys <= 0) {
			leakReportMaxKeys = 100;
		}
		if (revokedRetention == null) {
			revokedRetention = Duration.ofDays(90);
		}
		if (revokedRetention.isNegative() || revokedRetention.isZero()) {
			throw new IllegalArgumentException("gatehouse.keys.revoked-retention must be positive, not " + revokedRetention);
		}
	}
}
