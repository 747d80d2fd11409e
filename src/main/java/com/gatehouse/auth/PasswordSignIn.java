package com.gatehouse.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.session.SessionLogin;

/**
 * Signing in and out of a browser form (the admin console) as {@code /rest/auth/} does it: the
 * password goes through {@link CredentialCheck} (the same providers, brute-force limits, log lines
 * and audit events), and a success opens the same {@code Red60urne} session, so a REST client and
 * the console can share one. A refused sign-in is the same generic 401 {@link RestFailure} (or
 * 429) the API answers.
 */
@Component
public final class PasswordSignIn {

	private final CredentialCheck check;

	private final AuthOutcomes outcomes;

	private final SessionLogin sessions;

	private final AuditTrail audit;

	PasswordSignIn(CredentialCheck check, AuthOutcomes outcomes, SessionLogin sessions, AuditTrail audit) {
		this.check = check;
		this.outcomes = outcomes;
		this.sessions = sessions;
		this.audit = audit;
	}

	/** Verifies the password and opens (or takes over, with a new id) the request's session. */
	public Caller signIn(HttpServletRequest request, HttpServletResponse response, String login, String password) {
		Caller caller;
		try {
			caller = this.check.verify(request, UsernamePasswordAuthenticationToken.unauthenticated(login, password))
				.caller();
		}
		catch (AuthenticationException failure) {
			throw this.outcomes.recordFailure(request, failure);
		}
		openSession(request, response, caller);
		return caller;
	}

	/**
	 * Opens the session of a verified password login and only then records its
	 * {@code login.success}, so the event never names a login that did not get its session.
	 * Answers the session id.
	 */
	String openSession(HttpServletRequest request, HttpServletResponse response, Caller caller) {
		String sessionId = this.sessions.open(request, response, caller);
		this.outcomes.passwordAccepted(caller);
		return sessionId;
	}

	/**
	 * Ends the session the request's cookie names, which authenticated {@code caller}; 401 when
	 * the caller came with no live session (rest-api.md §3: logout needs the session's cookie).
	 */
	public void signOut(HttpServletRequest request, Caller caller) {
		if (caller.via() != CredentialKind.SESSION || !this.sessions.close(request)) {
			throw RestFailure.unauthorized("auth.session_required", "Logout needs the session cookie of a live session");
		}
		this.audit.record(AuditEntry.by(caller, "logout", "").about(caller));
	}
}
