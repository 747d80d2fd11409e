package com.gatehouse.user;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "user"}. A System-Admin manages every user; a Company-Admin only the users of its
 * own company whose role it could grant (so it can never take over a more powerful account), and
 * it cannot see the others at all ({@link UserAccess}). The changes themselves are
 * {@link UserChanges}', which the admin console uses too. Anyone may change their own password,
 * proving the current one ({@link PasswordChange}).
 */
@Component
final class UserHandler implements TypeHandler {

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
			case CREATE -> reply(this.changes.create(caller, this.reader.readForCreate(request.values(), UserValues.class)));
			case READ -> read(caller, this.reader.read(request.scope(), UserScope.class), request);
			case UPDATE -> {
				UserValues values = this.reader.read(request.values(), UserValues.class);
				yield reply(this.changes.update(updated(caller, request, values), values));
			}
			case DELETE -> {
				this.changes.delete(existing(caller, request));
				yield RestReply.success();
			}
		};
	}

	private Object read(Caller caller, UserScope scope, RestRequest request) {
		List<Map<String, Object>> rows = this.access.readable(caller, scope).stream().map(User::asRow).toList();
		return RestReply.values(Rows.select(rows, request));
	}

	/**
	 * The user an update changes. Anyone may change their own password (proving the current one
	 * instead of an admin right); anything else is {@link #existing}.
	 */
	private Manageable<User> updated(Caller caller, RestRequest request, UserValues values) {
		if (values.changesOnlyPassword() && this.reader.read(request.scope(), UserScope.class).namesSelf(caller)) {
			return this.access.self(caller);
		}
		return existing(caller, request);
	}

	/** The user the scope names, if the caller may manage it; 404 for one it may not even see. */
	private Manageable<User> existing(Caller caller, RestRequest request) {
		UserScope scope = this.reader.read(request.scope(), UserScope.class);
		if (!scope.namesOne()) {
			throw RestFailure.badRequest("request.scope_required", "Name the user by scope.id or scope.login");
		}
		return this.access.manageable(caller, scope, "user.manage");
	}

	private static Object reply(User user) {
		return RestReply.values(List.of(user.asRow()));
	}
}
