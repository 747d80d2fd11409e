package com.gatehouse.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.stereotype.Component;

import com.gatehouse.credential.SessionCookieToken;

/**
 * The {@code Red60urne} cookie, end to end: read, written and cleared through the one
 * {@link CookieSerializer} Spring Session also uses ({@link SessionConfig}), so a cleared cookie has
 * exactly the attributes of a written one ({@code Path}, {@code HttpOnly}, {@code SameSite},
 * {@code Secure} over HTTPS) and every browser matches it.
 */
@Component
public final class SessionCookies {

	private final CookieSerializer serializer;

	SessionCookies(CookieSerializer serializer) {
		this.serializer = serializer;
	}

	/** The session cookie the request presents (the first non-empty one), or null when it has none. */
	public @Nullable SessionCookieToken token(HttpServletRequest request) {
		return values(request).stream()
			.findFirst()
			.map((id) -> new SessionCookieToken(id, request.getRemoteAddr()))
			.orElse(null);
	}

	/** Every non-empty session cookie value the request presents, in order. */
	List<String> values(HttpServletRequest request) {
		return this.serializer.readCookieValues(request).stream().filter((value) -> !value.isEmpty()).toList();
	}

	void write(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		this.serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, sessionId));
	}

	/** Tells the browser to drop the cookie: an empty value with the same attributes, expired. */
	public void clear(HttpServletRequest request, HttpServletResponse response) {
		this.serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, ""));
	}
}
