package com.gatehouse.role;

import java.util.List;
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
 * {@code type: "role"}: the request read into scope and values, and the rules and changes of
 * {@link RoleChanges}, which the admin console uses too.
 */
@Component
final class RoleHandler implements TypeHandler {

	private final RoleChanges changes;

	private final ValuesReader reader;

	RoleHandler(RoleChanges changes, ValuesReader reader) {
		this.changes = changes;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "role";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> reply(this.changes.create(caller, this.reader.readForCreate(request.values(), RoleValues.class)));
			case READ -> read(caller, this.reader.read(request.scope(), RoleScope.class), request);
			case UPDATE -> {
				Role role = this.changes.changeable(caller, id(request));
				yield reply(this.changes.update(caller, role, this.reader.read(request.values(), RoleValues.class)));
			}
			case DELETE -> {
				this.changes.delete(caller, this.changes.changeable(caller, id(request)));
				yield RestReply.success();
			}
		};
	}

	private Object read(Caller caller, RoleScope scope, RestRequest request) {
		List<Map<String, Object>> rows = this.changes.readable(caller, scope.id(), scope.name(), scope.company())
			.stream()
			.map(Role::asRow)
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	private long id(RestRequest request) {
		Long id = this.reader.read(request.scope(), RoleScope.class).id();
		if (id == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the role by scope.id");
		}
		return id;
	}

	private static Object reply(Role role) {
		return RestReply.values(List.of(role.asRow()));
	}
}
