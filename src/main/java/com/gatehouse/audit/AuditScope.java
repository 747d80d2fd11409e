package com.gatehouse.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.gatehouse.rest.RestFailure;

/**
 * The {@code scope} of an audit read, every member optional: events at or after {@code since} and
 * before {@code until}, of one {@code event} name, about one {@code contact_id} or
 * one {@code login} (ours, whatever its case; it finds a deleted user's events too), at most
 * {@code limit} of them. The bounds are ISO-8601 instants, read here rather than by the JSON binder,
 * which would also take a bare number as epoch seconds where a client may well mean milliseconds.
 */
public record AuditScope(@Nullable String since, @Nullable String until, @Size(max = 40) @Nullable String event,
		@JsonProperty("contact_id") @Nullable Long contactId, @Size(max = 64) @Nullable String login,
		@Min(1) @Max(AuditQuery.MAX_ROWS) @Nullable Integer limit) {

	/**
	 * The query for events of {@code company} (null: of every company), skipping the {@code skip}
	 * newest; 400 for a bound that is not an instant.
	 */
	AuditQuery query(@Nullable String company, long skip) {
		Instant from = instant("since", this.since);
		Instant to = instant("until", this.until);
		if (from != null && to != null && from.isAfter(to)) {
			throw RestFailure.badRequest("request.invalid", "scope.since is after scope.until");
		}
		return new AuditQuery(company, from, to, this.event, this.contactId, this.login,
				(this.limit != null) ? this.limit : AuditQuery.MAX_ROWS, skip);
	}

	private static @Nullable Instant instant(String member, @Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException notAnInstant) {
			throw RestFailure.badRequest("request.invalid",
					"scope." + member + " must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
		}
	}
}
