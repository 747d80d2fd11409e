package com.gatehouse.auth.credentials;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The value of the session cookie as presented, not yet verified. Never prints it. */
public final class SessionCookieToken extends AbstractAuthenticationToken {

	/** The documented session cookie (authentication.txt). */
	public static final String COOKIE_NAME = "Red60urne";

	private final String sessionId;

	public SessionCookieToken(String sessionId) {
		super(List.of());
		this.sessionId = sessionId;
	}

	public String sessionId() {
		return this.sessionId;
	}

	@Override
	public Object getCredentials() {
		return this.sessionId;
	}

	@Override
	public Object getPrincipal() {
		return "session";
	}

	@Override
	public String toString() {
		return "SessionCookieToken[sessionId=[PROTECTED]]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SessionCookieToken that && this.sessionId.equals(that.sessionId);
	}

	@Override
	public int hashCode() {
		return this.sessionId.hashCode();
	}
}
