package com.gatehouse;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit events the brute-force and login tests expect, read straight from the suite's store
 * (reading them over REST is another part of issue 3). Each test looks only at events about its
 * own login or from its own fake client address, so tests sharing the store never meet.
 */
public final class AuditRows {

	private static final String COLUMNS = "SELECT event, contact_id, login, company, ip, detail FROM audit_events ";

	private final JdbcClient jdbc;

	public AuditRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The events about {@code login} (whatever its case), oldest first. */
	public List<Row> about(String login) {
		return this.jdbc.sql(COLUMNS + "WHERE LOWER(login) = LOWER(:login) ORDER BY id").param("login", login).query(Row.class).list();
	}

	/** The events of calls from the client address {@code ip}, oldest first. */
	public List<Row> from(String ip) {
		return this.jdbc.sql(COLUMNS + "WHERE ip = :ip ORDER BY id").param("ip", ip).query(Row.class).list();
	}

	/** Only the events called {@code event} of {@code rows}. */
	public static List<Row> named(List<Row> rows, String event) {
		return rows.stream().filter((row) -> row.event().equals(event)).toList();
	}

	public record Row(String event, @Nullable Long contactId, @Nullable String login, @Nullable String company,
			@Nullable String ip, String detail) {
	}
}
