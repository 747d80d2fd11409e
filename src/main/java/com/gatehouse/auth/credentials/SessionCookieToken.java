package com.gatehouse.auth.credentials;

/** The value of the session cookie as presented. */
public final class SessionCookieToken extends PresentedSecret {

	/** The documented session cookie (authentication.txt). */
	public static final String COOKIE_NAME = "Red60urne";

	public SessionCookieToken(String sessionId) {
		super(sessionId);
	}

	public String sessionId() {
		return secret();
	}

	@Override
	public Object getPrincipal() {
		return "session";
	}
}
