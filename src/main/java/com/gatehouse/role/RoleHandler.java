package com.gatehouse.role;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.ScopeFilter;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "role"}: the request read into a scope filter and values, and the rules and changes
 * of {@link RoleChanges}, which the admin console uses too. The scope filters the roles the caller
 * may see (rest-api.md §5); update and delete act on every role it matches, once the caller may
 * change each of them.
 */
@Component
final class RoleHandler implements TypeHandler {

	private static final Set<String> COLUMNS = Set.of("id", "name", "company", "builtin", "version");

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
			case CREATE -> RestReply.values(List.of(this.changes.create(caller,
					this.reader.valuesForCreate(request, RoleValues.class).toCreateRole()).asRow()));
			case READ -> RestReply.read(Rows.select(matched(caller, filter(request)).stream().map(Role::asRow).toList(),
					request));
			case UPDATE -> {
				ChangeRole values = this.reader.values(request, RoleValues.class).toChangeRole();
				yield RestReply.values(changeable(caller, request).stream()
					.map((role) -> this.changes.update(caller, role, values).asRow())
					.toList());
			}
			case DELETE -> {
				changeable(caller, request).forEach((role) -> this.changes.delete(caller, role));
				yield RestReply.success();
			}
		};
	}

	/** Every role the scope matches, once the caller may change each (so a refusal changes none). */
	private List<Role> changeable(Caller caller, RestRequest request) {
		return matched(caller, filter(request).requireColumns("id")).stream()
			.map((role) -> this.changes.changeable(caller, role.id()))
			.toList();
	}

	private static ScopeFilter filter(RestRequest request) {
		return ScopeFilter.of(request, "role", COLUMNS);
	}

	/** The roles the caller may see that the filter matches. */
	private List<Role> matched(Caller caller, ScopeFilter filter) {
		RoleScope narrow = this.reader.scope(filter.single(), RoleScope.class);
		return filter.select(this.changes.readable(caller, narrow.id(), narrow.name(), narrow.company()), Role::asRow);
	}
}
