package com.gatehouse.user;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.ScopeFilter;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "user"}. A System-Admin manages every user; a Company-Admin only the users of its
 * own company whose role it could grant (so it can never take over a more powerful account), and
 * it cannot see the others at all ({@link UserAccess}). The scope is a filter over the users the
 * caller may see (rest-api.md §5); update and delete act on every user it matches, once the caller
 * may manage each of them. The changes themselves are {@link UserChanges}', which the admin console
 * uses too. Anyone may change their own password, proving the current one ({@link PasswordChange}).
 */
@Component
final class UserHandler implements TypeHandler {

	private static final Set<String> COLUMNS = Set.of("id", "login", "name", "company", "role", "enabled");

	private final UserAccess access;

	private final UserChanges changes;

	private final ValuesReader reader;

	UserHandler(UserAccess access, UserChanges changes, ValuesReader reader) {
		this.access = access;
		this.changes = changes;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "user";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> RestReply.values(List.of(this.changes.create(caller,
					this.reader.valuesForCreate(request, UserValues.class).toCreateUser()).asRow()));
			case READ -> RestReply.read(Rows.select(matched(caller, filter(request)).stream().map(User::asRow).toList(),
					request));
			case UPDATE -> {
				ChangeUser values = this.reader.values(request, UserValues.class).toChangeUser();
				yield RestReply.values(updated(caller, request, values).stream()
					.map((user) -> this.changes.update(user, values).asRow())
					.toList());
			}
			case DELETE -> {
				// The caller's own account first: UserChanges refuses it (409) before any other is deleted.
				manageable(caller, filter(request)).stream()
					.sorted(Comparator.comparing((Manageable<User> user) -> user.subject().id() != caller.userId()))
					.forEach(this.changes::delete);
				yield RestReply.success();
			}
		};
	}

	/**
	 * The users an update changes. Anyone may change their own password (proving the current one
	 * instead of an admin right); anything else changes the users the caller may manage.
	 */
	private List<Manageable<User>> updated(Caller caller, RestRequest request, ChangeUser values) {
		ScopeFilter filter = filter(request);
		if (values.changesOnlyPassword() && this.reader.scope(filter.single(), UserScope.class).namesSelf(caller)) {
			Manageable<User> self = this.access.self(caller);
			return filter.select(List.of(self.subject()), User::asRow).isEmpty() ? List.of() : List.of(self);
		}
		return manageable(caller, filter);
	}

	/** Every user the filter matches, once the caller may manage each (so a 403 changes none). */
	private List<Manageable<User>> manageable(Caller caller, ScopeFilter filter) {
		return matched(caller, filter.requireColumns("id")).stream()
			.map((user) -> this.access.manageable(caller, user.id()))
			.toList();
	}

	private static ScopeFilter filter(RestRequest request) {
		return ScopeFilter.of(request, "user", COLUMNS);
	}

	/** The users the caller may see that the filter matches. */
	private List<User> matched(Caller caller, ScopeFilter filter) {
		return filter.select(this.access.readable(caller, this.reader.scope(filter.single(), UserScope.class)),
				User::asRow);
	}
}
