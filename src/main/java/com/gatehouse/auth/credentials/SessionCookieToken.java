package com.gatehouse.auth.credentials;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** The value of the session cookie as presented. */
public final class SessionCookieToken extends PresentedSecret {

	/** The documented session cookie (authentication.txt). */
	public static final String COOKIE_NAME = "Red60urne";

	public SessionCookieToken(String sessionId) {
		super(sessionId);
	}

	/** The session cookie the request carries, or null when it has none (or an empty one). */
	public static @Nullable SessionCookieToken from(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE_NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return new SessionCookieToken(cookie.getValue());
			}
		}
		return null;
	}

	public String sessionId() {
		return secret();
	}

	@Override
	public Object getPrincipal() {
		return "session";
	}
}
