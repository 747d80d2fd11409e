package com.gatehouse.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.ScopeFilter;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "audit"}, read only, by the rules of {@link AuditReading}: a System-Admin reads
 * every event, a Company-Admin only its company's, anyone else nothing. The trail is evidence, so no
 * verb writes to it: create, update and delete fail with 400 {@code request.read_only}, after the
 * permission check, so that a caller who may not read the trail learns nothing more about it. The
 * scope filters the events by column (rest-api.md §5), and {@code since}, {@code until} and
 * {@code limit} bound the read; {@code limit} counts the newest events the store narrows by the
 * scope's single values, before an array of values filters them further.
 */
@Component
final class AuditHandler implements TypeHandler {

	private static final Set<String> COLUMNS = Set.of("time", "event", "contact_id", "login", "company", "ip",
			"detail");

	/** Members of the scope that bound the read rather than match a column. */
	private static final Set<String> PARAMETERS = Set.of("since", "until", "limit");

	private final AuditReading reading;

	private final ValuesReader reader;

	AuditHandler(AuditReading reading, ValuesReader reader) {
		this.reading = reading;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "audit";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		this.reading.requireReader(caller, "audit." + verb.name().toLowerCase(Locale.ROOT));
		if (verb != Verb.READ) {
			throw RestFailure.badRequest("request.read_only", "The audit trail is read only");
		}
		ScopeFilter filter = ScopeFilter.of(request, "audit", COLUMNS, PARAMETERS);
		ObjectNode query = filter.single();
		PARAMETERS.stream().filter(request.scope()::has).forEach((name) -> query.set(name, request.scope().get(name)));
		List<AuditEvent> events = this.reading.read(caller, this.reader.scope(query, AuditScope.class));
		List<Map<String, Object>> rows = events.stream().map(AuditEvent::asRow).filter(filter::matches).toList();
		return RestReply.read(Rows.select(rows, request));
	}
}
