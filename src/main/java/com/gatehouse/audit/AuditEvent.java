package com.gatehouse.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One stored audit event as an audit read shows it. {@code contactId}, {@code login} and
 * {@code company} are null when the event is about no user or no company; {@code ip} is null for
 * an event written outside a request.
 */
public record AuditEvent(Instant time, String event, @Nullable Long contactId, @Nullable String login,
		@Nullable String company, @Nullable String ip, String detail) {

	Map<String, Object> asRow() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("time", this.time.toString());
		row.put("event", this.event);
		row.put("contact_id", this.contactId);
		row.put("login", this.login);
		row.put("company", this.company);
		row.put("ip", this.ip);
		row.put("detail", this.detail);
		return row;
	}
}
