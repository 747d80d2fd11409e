package com.gatehouse.session;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.role.RoleRepository;
import com.gatehouse.user.User;
import com.gatehouse.user.UserRepository;

/**
 * A user's live sessions, listed and ended for the REST API ({@code type: "session"}) and the admin
 * console alike. Anyone may see and end their own; an admin those of the users it manages, by the
 * rule of {@code type: "user"} (a System-Admin every user, a Company-Admin the users of its company
 * whose role it could grant; a user it may not see at all answers 404).
 */
@Component
public final class SessionAccess {

	private static final Pattern HANDLE = Pattern.compile(SessionHandle.FORMAT);

	private final UserSessions sessions;

	private final UserRepository users;

	private final RoleRepository roles;

	private final AccessPolicy policy;

	SessionAccess(UserSessions sessions, UserRepository users, RoleRepository roles, AccessPolicy policy) {
		this.sessions = sessions;
		this.users = users;
		this.roles = roles;
		this.policy = policy;
	}

	/** The live sessions of the user {@code userId}, oldest first. */
	public List<SessionView> list(CallerAuthentication authentication, long userId) {
		return read(authentication, new SessionScope(null, userId));
	}

	/** Ends the session {@code handle} of the user {@code userId}; 404 when it names none of theirs. */
	public void end(Caller caller, long userId, String handle) {
		if (!HANDLE.matcher(handle).matches()) {
			throw unknownSession();
		}
		delete(caller, new SessionScope(handle, userId));
	}

	/** Ends every live session of the user {@code userId}. */
	public void endAll(Caller caller, long userId) {
		delete(caller, new SessionScope(null, userId));
	}

	/** Ends every live session of the caller except the one it came with ("sign out everywhere else"). */
	public void endOthers(CallerAuthentication authentication) {
		Caller caller = authentication.caller();
		User self = owner(caller, new SessionScope(null, caller.userId()));
		this.sessions.endAll(self, authentication.sessionId(),
				"ended by " + caller.login() + " (id " + caller.userId() + "), keeping the session in use");
	}

	List<SessionView> read(CallerAuthentication authentication, SessionScope scope) {
		User owner = owner(authentication.caller(), scope);
		return selected(owner, scope).stream()
			.map((session) -> new SessionView(UserSessions.handle(owner, session), owner.id(), owner.login(),
					session.getCreationTime(), session.getLastAccessedTime(), session.getAttribute(SessionAttributes.IP),
					session.getAttribute(SessionAttributes.USER_AGENT),
					session.getId().equals(authentication.sessionId())))
			.toList();
	}

	void delete(Caller caller, SessionScope scope) {
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

	private static RestFailure unknownSession() {
		return RestFailure.notFound("session.unknown", "There is no such session");
	}
}
