package com.gatehouse.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "audit"}, read only: a System-Admin reads every event, a Company-Admin only the
 * events whose company is the one it administers, anyone else nothing. The trail is evidence, so no
 * verb writes to it: create, update and delete fail with 400 {@code request.read_only}, after the
 * permission check, so that a caller who may not read the trail learns nothing more about it.
 */
@Component
final class AuditHandler implements TypeHandler {

	private final AuditRepository events;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	AuditHandler(AuditRepository events, AccessPolicy policy, ValuesReader reader) {
		this.events = events;
		this.policy = policy;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "audit";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		this.policy.requireAdminOf(caller, caller.company(), "audit." + verb.name().toLowerCase(Locale.ROOT));
		if (verb != Verb.READ) {
			throw RestFailure.badRequest("request.read_only", "The audit trail is read only");
		}
		AuditQuery query = this.reader.read(request.scope(), AuditScope.class)
			.query(caller.isSystemAdmin() ? null : caller.company());
		List<Map<String, Object>> rows = this.events.find(query).stream().map(AuditEvent::asRow).toList();
		return RestReply.values(Rows.select(rows, request));
	}
}
