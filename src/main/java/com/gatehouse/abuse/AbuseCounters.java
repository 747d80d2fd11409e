package com.gatehouse.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Counts hits per (kind, subject) in fixed windows kept in the shared store: failed logins per
 * login name, per client address, and the like. A window starts at its first hit and lasts
 * {@code window}; a hit after it starts a new one. Counting is exact under parallel requests and
 * across instances: the increment and the read happen in one transaction under the row's lock.
 */
@Component
public final class AbuseCounters {

	private static final String HIT = """
			UPDATE abuse_counters
			SET hits = CASE WHEN window_start <= :cutoff THEN 1 ELSE hits + 1 END,
			    window_start = CASE WHEN window_start <= :cutoff THEN :now ELSE window_start END
			WHERE kind = :kind AND subject = :subject
			""";

	private static final String FIRST_HIT = """
			INSERT INTO abuse_counters (kind, subject, window_start, hits) VALUES (:kind, :subject, :now, 1)
			""";

	private static final String SELECT_TALLY = """
			SELECT hits, window_start FROM abuse_counters
			WHERE kind = :kind AND subject = :subject AND window_start > :cutoff
			""";

	private static final String RESET = "DELETE FROM abuse_counters WHERE kind = :kind AND subject = :subject";

	private static final String PRUNE = "DELETE FROM abuse_counters WHERE window_start <= :cutoff";

	private static final int MAX_SUBJECT = 255;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	AbuseCounters(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Counts one hit and answers the tally of the window it fell in, this hit included. */
	public Tally hit(String kind, String subject, Duration window) {
		Instant now = this.clock.instant();
		try {
			return this.transactions.execute((status) -> hitOnce(kind, subject(subject), window, now));
		}
		catch (DuplicateKeyException anotherFirstHit) {
			// Two first hits raced to insert the row; the loser counts again on the row that now exists.
			return this.transactions.execute((status) -> hitOnce(kind, subject(subject), window, now));
		}
	}

	/** The tally of the current window, without counting a hit. */
	public Tally peek(String kind, String subject, Duration window) {
		Instant now = this.clock.instant();
		return current(kind, subject(subject), window, now).orElse(Tally.none(now));
	}

	public void reset(String kind, String subject) {
		this.jdbc.sql(RESET).param("kind", kind).param("subject", subject(subject)).update();
	}

	/** Forgets every window that ended more than {@code olderThan} ago. */
	public void prune(Duration olderThan) {
		this.jdbc.sql(PRUNE).param("cutoff", time(this.clock.instant().minus(olderThan))).update();
	}

	private Tally hitOnce(String kind, String subject, Duration window, Instant now) {
		int updated = this.jdbc.sql(HIT)
			.param("cutoff", time(now.minus(window)))
			.param("now", time(now))
			.param("kind", kind)
			.param("subject", subject)
			.update();
		if (updated == 0) {
			this.jdbc.sql(FIRST_HIT).param("kind", kind).param("subject", subject).param("now", time(now)).update();
		}
		return current(kind, subject, window, now).orElseThrow();
	}

	private Optional<Tally> current(String kind, String subject, Duration window, Instant now) {
		return this.jdbc.sql(SELECT_TALLY)
			.param("kind", kind)
			.param("subject", subject)
			.param("cutoff", time(now.minus(window)))
			.query((rs, row) -> new Tally(rs.getLong("hits"), rs.getObject("window_start", OffsetDateTime.class).toInstant()))
			.optional();
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String subject(String subject) {
		return (subject.length() <= MAX_SUBJECT) ? subject : subject.substring(0, MAX_SUBJECT);
	}
}
