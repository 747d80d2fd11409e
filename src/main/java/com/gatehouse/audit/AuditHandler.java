package com.gatehouse.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "audit"}, read only, by the rules of {@link AuditReading}: a System-Admin reads
 * every event, a Company-Admin only its company's, anyone else nothing. The trail is evidence, so no
 * verb writes to it: create, update and delete fail with 400 {@code request.read_only}, after the
 * permission check, so that a caller who may not read the trail learns nothing more about it.
 */
@Component
final class AuditHandler implements TypeHandler {

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
		AuditScope scope = this.reader.read(request.scope(), AuditScope.class);
		List<Map<String, Object>> rows = this.reading.read(caller, scope).stream().map(AuditEvent::asRow).toList();
		return RestReply.values(Rows.select(rows, request));
	}
}
