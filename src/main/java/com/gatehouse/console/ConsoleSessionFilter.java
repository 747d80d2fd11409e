package com.gatehouse.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CredentialCheck;
import com.gatehouse.auth.credentials.SessionCookieToken;
import com.gatehouse.rest.RestFailure;

/**
 * Authenticates a console page by its {@code Red60urne} cookie, through {@link CredentialCheck} and
 * so the same session provider as a REST call: the page view counts as the session's activity, and
 * an ended, idle or unknown session is refused and counted as a failed credential like anywhere
 * else. A refused cookie is cleared, so a browser stops presenting it, and the page goes on
 * unauthenticated (the entry point then redirects to sign-in). Only the cookie is read here: a
 * console page never takes an Auth Key or a password from a header.
 */
final class ConsoleSessionFilter extends OncePerRequestFilter {

	private final CredentialCheck check;

	private final AuthOutcomes outcomes;

	ConsoleSessionFilter(CredentialCheck check, AuthOutcomes outcomes) {
		this.check = check;
		this.outcomes = outcomes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SessionCookieToken cookie = SessionCookieToken.from(request);
		if (cookie != null) {
			try {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(this.check.verify(request, cookie));
				SecurityContextHolder.setContext(context);
			}
			catch (AuthenticationException refused) {
				this.outcomes.recordFailure(request, refused);
				clear(response);
			}
			catch (RestFailure throttled) {
				// The address is over its failure limit: the page goes on signed out; sign-in says why.
			}
		}
		chain.doFilter(request, response);
	}

	private static void clear(HttpServletResponse response) {
		Cookie gone = new Cookie(SessionCookieToken.COOKIE_NAME, "");
		gone.setPath("/");
		gone.setMaxAge(0);
		gone.setHttpOnly(true);
		response.addCookie(gone);
	}
}
