package com.gatehouse.auth;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.CredentialKind;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.session.SessionLogin;

/**
 * {@code /rest/auth/}: log in, or tell a key or session holder who it acts as; and
 * {@code /rest/auth/logout}. The credential was already verified by the security chain; this only
 * decides what the verified call means here (rest-api.md §3).
 */
@RestController
final class AuthController {

	private final SessionLogin sessions;

	private final AuditTrail audit;

	AuthController(SessionLogin sessions, AuditTrail audit) {
		this.sessions = sessions;
		this.audit = audit;
	}

	@PostMapping({ "/rest/auth", "/rest/auth/" })
	Map<String, Object> login(HttpServletRequest request, HttpServletResponse response) {
		CallerAuthentication authentication = CallerAuthentication.current();
		Caller caller = authentication.caller();
		return switch (caller.via()) {
			case PASSWORD -> UserReply.of(caller, this.sessions.open(request, response, caller));
			case KEY -> UserReply.of(caller, null);
			case SESSION -> UserReply.of(caller, authentication.sessionId());
		};
	}

	@PostMapping({ "/rest/auth/logout", "/rest/auth/logout/" })
	Map<String, Object> logout(HttpServletRequest request) {
		// The cookie names the session to end; a call authenticated any other way names none.
		Caller caller = Caller.current();
		if (caller.via() != CredentialKind.SESSION || !this.sessions.close(request)) {
			throw RestFailure.unauthorized("auth.session_required", "Logout needs the session cookie of a live session");
		}
		this.audit.record(AuditEntry.by(caller, "logout", "").about(caller));
		return RestReply.success();
	}
}
