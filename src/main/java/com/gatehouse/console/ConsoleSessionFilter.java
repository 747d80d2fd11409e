package com.gatehouse.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CredentialCheck;
import com.gatehouse.credential.SessionCookieToken;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.session.SessionCookies;

/**
 * Authenticates a console page by its {@code Red60urne} cookie, through {@link CredentialCheck} and
 * so the same session provider as a REST call: the page view counts as the session's activity, and
 * an ended, idle or unknown session is refused and counted as a failed credential like anywhere
 * else. A refused cookie is cleared ({@link SessionCookies}, with the attributes it was set with), so a browser stops presenting it, and the page goes on
 * unauthenticated (the entry point then redirects to sign-in). Only the cookie is read here: a
 * console page never takes an Auth Key or a password from a header.
 */
final class ConsoleSessionFilter extends OncePerRequestFilter {

	private final CredentialCheck check;

	private final AuthOutcomes outcomes;

	private final SessionCookies cookies;

	ConsoleSessionFilter(CredentialCheck check, AuthOutcomes outcomes, SessionCookies cookies) {
		this.check = check;
		this.outcomes = outcomes;
		this.cookies = cookies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SessionCookieToken cookie = this.cookies.token(request);
		if (cookie != null) {
			try {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(this.check.verify(request, cookie));
				SecurityContextHolder.setContext(context);
			}
			catch (AuthenticationException refused) {
				this.outcomes.recordFailure(request, refused);
				this.cookies.clear(request, response);
			}
			catch (RestFailure throttled) {
				// The address is over its failure limit: the page goes on signed out; sign-in says why.
			}
		}
		chain.doFilter(request, response);
	}
}
