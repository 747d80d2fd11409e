package com.gatehouse.session;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;

/**
 * A user's live sessions, listed and ended for the REST API ({@code type: "session"}) and the admin
 * console alike. Anyone may see and end their own; an admin those of the users it manages, by the
 * rule of {@code type: "user"} (a System-Admin every user, a Company-Admin the users of its company
 * whose role it could grant; a user it may not see at all answers 404). That decision is taken once,
 * by {@link #owner} ({@link UserAccess}); everything else here takes its {@link Manageable} proof.
 */
@Component
public final class SessionAccess {

	private static final Pattern HANDLE = Pattern.compile(SessionHandle.FORMAT);

	private final UserSessions sessions;

	private final UserAccess users;

	SessionAccess(UserSessions sessions, UserAccess users) {
		this.sessions = sessions;
		this.users = users;
	}

	/** The user {@code userId}, whose sessions the caller may list and end: itself, or one it manages. */
	public Manageable<User> owner(Caller caller, long userId) {
		return this.users.selfOrManageable(caller, userId, "session.manage");
	}

	/** The owner's live sessions, oldest first; {@code current} marks {@code currentSessionId}'s. */
	public List<SessionView> list(Manageable<User> owner, @Nullable String currentSessionId) {
		User user = owner.subject();
		return selected(user, null).stream()
			.map((session) -> new SessionView(UserSessions.handle(user, session), user.id(), user.login(),
					session.getCreationTime(), session.getLastAccessedTime(), session.getAttribute(SessionAttributes.IP),
					session.getAttribute(SessionAttributes.USER_AGENT), session.getId().equals(currentSessionId)))
			.toList();
	}

	/** Ends the owner's session {@code handle}; 404 when it names none of theirs. */
	public void end(Manageable<User> owner, String handle) {
		if (!HANDLE.matcher(handle).matches() || SessionHandle.parse(handle).userId() != owner.subject().id()) {
			throw unknownSession();
		}
		endSelected(owner, SessionHandle.parse(handle));
	}

	/** Ends every live session of the owner. */
	public void endAll(Manageable<User> owner) {
		endSelected(owner, null);
	}

	/** Ends every live session of the caller except the one it came with ("sign out everywhere else"). */
	public void endOthers(CallerAuthentication authentication) {
		Caller caller = authentication.caller();
		this.sessions.endAll(this.users.self(caller).subject(), authentication.sessionId(),
				"ended by " + caller.login() + " (id " + caller.userId() + "), keeping the session in use");
	}

	List<SessionView> read(CallerAuthentication authentication, SessionScope scope) {
		Manageable<User> owner = owner(authentication.caller(), scope);
		SessionHandle wanted = scope.handle();
		return list(owner, authentication.sessionId()).stream()
			.filter((view) -> wanted == null || wanted.text().equals(view.handle()))
			.toList();
	}

	private void endSelected(Manageable<User> owner, @Nullable SessionHandle wanted) {
		User user = owner.subject();
		Caller caller = owner.caller();
		List<Session> ending = selected(user, wanted);
		if (wanted != null && ending.isEmpty()) {
			throw unknownSession();
		}
		this.sessions.end(user, ending, "ended by " + caller.login() + " (id " + caller.userId() + ")");
	}

	/** The user's live sessions, or only the one {@code wanted} names. */
	private List<Session> selected(User user, @Nullable SessionHandle wanted) {
		return this.sessions.live(user.id())
			.stream()
			.filter((session) -> wanted == null || wanted.equals(SessionHandle.of(user.id(), session.getId())))
			.toList();
	}

	/**
	 * The user whose sessions the scope names (the handle's owner, else {@code contact_id}, else the
	 * caller), if the caller may manage them.
	 */
	private Manageable<User> owner(Caller caller, SessionScope scope) {
		SessionHandle handle = scope.handle();
		if (handle != null && scope.contactId() != null && handle.userId() != scope.contactId()) {
			throw unknownSession();
		}
		long userId = (handle != null) ? handle.userId() : (scope.contactId() != null) ? scope.contactId() : caller.userId();
		return owner(caller, userId);
	}

	private static RestFailure unknownSession() {
		return RestFailure.notFound("session.unknown", "There is no such session");
	}
}
