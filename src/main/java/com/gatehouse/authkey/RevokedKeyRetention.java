package com.gatehouse.authkey;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes the records of keys revoked longer ago than {@link AuthKeyProperties#revokedRetention()}.
 * They only let people recognise a key that stopped working (the console's greyed Tokens rows: when,
 * by whom, its last address, which is personal data); they authenticate nothing, so pruning one
 * changes no answer to a client: a revoked key is refused as an unknown one either way. Hourly on
 * every instance, as the audit trail's pruning: the delete is idempotent, so instances sharing a
 * store need no coordination, and a run that finds the store down is caught up by the next.
 */
@Component
final class RevokedKeyRetention {

	private static final Logger log = LoggerFactory.getLogger(RevokedKeyRetention.class);

	private final RevokedKeyRepository revoked;

	private final AuthKeyProperties properties;

	private final Clock clock;

	RevokedKeyRetention(RevokedKeyRepository revoked, AuthKeyProperties properties, Clock clock) {
		this.revoked = revoked;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	void prune() {
		try {
			int pruned = this.revoked.deleteRevokedBefore(this.clock.instant().minus(this.properties.revokedRetention()));
			log.debug("revoked key records pruned count={}", pruned);
		}
		catch (DataAccessException storeDown) {
			log.warn("revoked key pruning skipped: {}", storeDown.getClass().getSimpleName());
		}
	}
}
