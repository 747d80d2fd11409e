package com.gatehouse.session;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;
import com.gatehouse.role.RoleRepository;
import com.gatehouse.user.User;
import com.gatehouse.user.UserRepository;

/**
 * {@code type: "session"}: a user's login sessions, read and ended. Anyone may see and end their
 * own; an admin those of the users it manages, by the rule of {@code type: "user"} (a System-Admin
 * every user, a Company-Admin the users of its company whose role it could grant; a user it may not
 * see at all answers 404). A row names its session by a {@link SessionHandle}, never by the cookie
 * value; {@code current} marks the session the call came with.
 */
@Component
final class SessionHandler implements TypeHandler {

	/** ISO-8601 in UTC with milliseconds always shown, so the text sorts as the time does. */
	private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

	private final UserSessions sessions;

	private final UserRepository users;

	private final RoleRepository roles;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	SessionHandler(UserSessions sessions, UserRepository users, RoleRepository roles, AccessPolicy policy,
			ValuesReader reader) {
		this.sessions = sessions;
		this.users = users;
		this.roles = roles;
		this.policy = policy;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "session";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		CallerAuthentication authentication = CallerAuthentication.current();
		SessionScope scope = this.reader.read(request.scope(), SessionScope.class);
		return switch (verb) {
			case READ -> read(authentication, scope, request);
			case DELETE -> delete(authentication.caller(), scope);
			case CREATE, UPDATE -> throw RestFailure.notFound("request.unknown_verb",
					"Sessions are only read and deleted; a login makes one");
		};
	}

	private Object read(CallerAuthentication authentication, SessionScope scope, RestRequest request) {
		User owner = owner(authentication.caller(), scope);
		List<Map<String, Object>> rows = selected(owner, scope).stream()
			.map((session) -> row(owner, session, session.getId().equals(authentication.sessionId())))
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	private Object delete(Caller caller, SessionScope scope) {
		if (scope.id() == null && scope.contactId() == null) {
			throw RestFailure.badRequest("request.scope_required",
					"Name the session by scope.id, or the user whose sessions to end by scope.contact_id");
		}
		User owner = owner(caller, scope);
		List<Session> ending = selected(owner, scope);
		if (scope.id() != null && ending.isEmpty()) {
			throw unknownSession();
		}
		this.sessions.end(owner, ending, "ended by " + caller.login() + " (id " + caller.userId() + ")");
		return RestReply.success();
	}

	/** The owner's live sessions, or only the one {@code scope.id} names. */
	private List<Session> selected(User owner, SessionScope scope) {
		SessionHandle wanted = scope.handle();
		return this.sessions.live(owner.id())
			.stream()
			.filter((session) -> wanted == null || wanted.equals(SessionHandle.of(owner.id(), session.getId())))
			.toList();
	}

	/**
	 * The user whose sessions the scope names (the handle's owner, else {@code contact_id}, else the
	 * caller), if the caller may manage them: yourself always; another user as {@code type: "user"}
	 * allows, 404 for one the caller may not even see.
	 */
	private User owner(Caller caller, SessionScope scope) {
		SessionHandle handle = scope.handle();
		if (handle != null && scope.contactId() != null && handle.userId() != scope.contactId()) {
			throw unknownSession();
		}
		long userId = (handle != null) ? handle.userId() : (scope.contactId() != null) ? scope.contactId() : caller.userId();
		User owner = this.users.findById(userId)
			.filter((user) -> user.id() == caller.userId() || caller.isAdminOf(user.company()))
			.orElseThrow(() -> RestFailure.notFound("user.unknown", "There is no such user"));
		if (owner.id() != caller.userId()) {
			this.policy.requireCanGrant(caller, this.roles.permsOf(owner.roleId()), owner.company(), "session.manage");
		}
		return owner;
	}

	private static Map<String, Object> row(User owner, Session session, boolean current) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", UserSessions.handle(owner, session));
		row.put("contact_id", owner.id());
		row.put("login", owner.login());
		row.put("created", TIME.format(session.getCreationTime()));
		row.put("last_access", TIME.format(session.getLastAccessedTime()));
		row.put("ip", session.getAttribute(SessionAttributes.IP));
		row.put("user_agent", session.getAttribute(SessionAttributes.USER_AGENT));
		row.put("current", current);
		return row;
	}

	private static RestFailure unknownSession() {
		return RestFailure.notFound("session.unknown", "There is no such session");
	}
}
