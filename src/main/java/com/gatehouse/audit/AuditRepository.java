package com.gatehouse.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** All SQL that reads and prunes the audit trail ({@link AuditTrail} writes it). */
@Component
final class AuditRepository {

	private static final String SELECT_EVENTS = """
			SELECT occurred_at, event, contact_id, login, company, ip, detail
			FROM audit_events
			WHERE (CAST(:company AS VARCHAR) IS NULL OR company = :company)
			  AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :since)
			  AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :until)
			  AND (CAST(:event AS VARCHAR) IS NULL OR event = :event)
			  AND (CAST(:contactId AS BIGINT) IS NULL OR contact_id = :contactId)
			  AND (CAST(:login AS VARCHAR) IS NULL OR LOWER(login) = :login)
			ORDER BY occurred_at DESC, id DESC
			LIMIT :limit OFFSET :skip
			""";

	private static final String DELETE_OLDER = "DELETE FROM audit_events WHERE occurred_at < :cutoff";

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The events the query selects, newest first (the later id first among events of one instant). */
	List<AuditEvent> find(AuditQuery query) {
		return this.jdbc.sql(SELECT_EVENTS)
			.param("company", query.company())
			.param("since", time(query.since()))
			.param("until", time(query.until()))
			.param("event", query.event())
			.param("contactId", query.contactId())
			.param("login", (query.login() != null) ? query.login().toLowerCase(Locale.ROOT) : null)
			.param("limit", query.limit())
			.param("skip", query.skip())
			.query(AuditRepository::mapEvent)
			.list();
	}

	/** Deletes every event that happened before {@code cutoff} and answers how many. */
	int deleteBefore(Instant cutoff) {
		return this.jdbc.sql(DELETE_OLDER).param("cutoff", time(cutoff)).update();
	}

	private static AuditEvent mapEvent(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("event"),
				rs.getObject("contact_id", Long.class), rs.getString("login"), rs.getString("company"),
				rs.getString("ip"), rs.getString("detail"));
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}
}
