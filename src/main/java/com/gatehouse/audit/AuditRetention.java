package com.gatehouse.audit;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes audit events older than {@link AuditProperties#retention()}, hourly on every instance (the
 * delete is idempotent, so instances sharing a store need no coordination). Time comes from the
 * {@link Clock}, so tests move it instead of waiting. A store that is down skips one run: the next
 * run catches up.
 */
@Component
final class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final AuditRepository events;

	private final AuditProperties properties;

	private final Clock clock;

	AuditRetention(AuditRepository events, AuditProperties properties, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	void prune() {
		try {
			int pruned = this.events.deleteBefore(this.clock.instant().minus(this.properties.retention()));
			log.debug("audit events pruned count={}", pruned);
		}
		catch (DataAccessException storeDown) {
			log.warn("audit pruning skipped: {}", storeDown.getClass().getSimpleName());
		}
	}
}
