package com.gatehouse.credential;

import org.jspecify.annotations.Nullable;

/** The value of the session cookie as presented; reading and writing the cookie is session/'s. */
public final class SessionCookieToken extends PresentedSecret {

	/** The documented session cookie (authentication.txt). */
	public static final String COOKIE_NAME = "Red60urne";

	public SessionCookieToken(String sessionId, @Nullable String clientAddress) {
		super(sessionId, clientAddress);
	}

	public String sessionId() {
		return secret();
	}

	@Override
	public Object getPrincipal() {
		return "session";
	}
}
