package com.gatehouse.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import com.gatehouse.permission.CallerAuthentication;

/**
 * The console's CSRF tokens (issue 12). A page signed in by a session gets a token bound to that
 * session: HMAC-SHA256 keyed with the session id over a fixed label, so every instance computes
 * the same token without storing anything, another site cannot compute it without the session id
 * (256 random bits, in an HttpOnly cookie), and a planted cookie pair no longer matches. Nothing is
 * written for it, and it changes with the session id at every sign-in. An anonymous page (the
 * sign-in form) has no session to bind to, so its token stays a double-submit cookie: named
 * {@code __Host-gatehouse-csrf} (path {@code /}, {@code Secure}) over HTTPS, where browsers let no
 * other site or subdomain set a cookie of that name, and {@code gatehouse-csrf} (path
 * {@code /admin}) over plain HTTP, where the prefix is not allowed. {@link ConsoleSessionFilter}
 * runs before the token is checked, so "signed in" here means the session was verified live.
 */
final class SessionBoundCsrfTokens implements CsrfTokenRepository {

	static final String PARAMETER = "_csrf";

	private static final String HEADER = "X-XSRF-TOKEN";

	private static final byte[] LABEL = "gatehouse console csrf v1".getBytes(StandardCharsets.US_ASCII);

	private final CookieCsrfTokenRepository overHttps = anonymous("__Host-gatehouse-csrf", "/", true);

	private final CookieCsrfTokenRepository overHttp = anonymous("gatehouse-csrf", "/admin", false);

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		String session = session();
		return (session != null) ? bound(session) : anonymous(request).generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		// A bound token is computed, never stored; null (sign-in, sign-out) drops the anonymous cookie.
		if (token == null || session() == null) {
			anonymous(request).saveToken(token, request, response);
		}
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		String session = session();
		return (session != null) ? bound(session) : anonymous(request).loadToken(request);
	}

	private CookieCsrfTokenRepository anonymous(HttpServletRequest request) {
		return request.isSecure() ? this.overHttps : this.overHttp;
	}

	private static @Nullable String session() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller)
				? caller.sessionId() : null;
	}

	private static CsrfToken bound(String sessionId) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(sessionId.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return new DefaultCsrfToken(HEADER, PARAMETER,
					Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(LABEL)));
		}
		catch (GeneralSecurityException missing) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", missing);
		}
	}

	/** The cookie of anonymous pages: HttpOnly (the token travels in a hidden form field), SameSite=Strict. */
	private static CookieCsrfTokenRepository anonymous(String name, String path, boolean secure) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(name);
		tokens.setCookiePath(path);
		tokens.setParameterName(PARAMETER);
		tokens.setHeaderName(HEADER);
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict").httpOnly(true).secure(secure));
		return tokens;
	}
}
