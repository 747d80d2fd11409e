package com.gatehouse.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.abuse.FailedCredentials;
import com.gatehouse.auth.credentials.AuthKeyToken;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.web.BrowserOrigins;

/**
 * Authenticates one /rest/ call: the converter extracts the credential (null: none); a credential
 * a browser may have sent on a foreign page's behalf is refused (403), and so is any credential
 * from an address over its failure limit (429); the manager's providers verify it, a locked login
 * is refused after that, and {@link AuthOutcomes} records the decision and answers a failure. It
 * is Spring Security's {@code AuthenticationFilter} without the two things that filter does to the
 * HTTP session: it looks the session up and changes its id after every success, a session-fixation
 * defence for logins kept in the session. Here every call is authenticated on its own and only a
 * login may change a session (rest-api.md §3, {@code SessionLogin}).
 */
public final class CallAuthenticationFilter extends OncePerRequestFilter {

	private final AuthenticationConverter credentials;

	private final AuthenticationManager verifier;

	private final AuthOutcomes outcomes;

	private final BrowserOrigins origins;

	private final FailedCredentials failures;

	public CallAuthenticationFilter(AuthenticationConverter credentials, AuthenticationManager verifier,
			AuthOutcomes outcomes, BrowserOrigins origins, FailedCredentials failures) {
		this.credentials = credentials;
		this.verifier = verifier;
		this.outcomes = outcomes;
		this.origins = origins;
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallerAuthentication verified;
		try {
			Authentication presented = this.credentials.convert(request);
			if (presented == null) {
				chain.doFilter(request, response);
				return;
			}
			if (!(presented instanceof AuthKeyToken)) {
				// A browser sends the cookie by itself, and a password login sets it: CSRF and login CSRF.
				this.origins.refuseForeign(request);
			}
			this.failures.refuseThrottled(request.getRemoteAddr());
			verified = (CallerAuthentication) this.verifier.authenticate(presented);
			this.failures.refuseLocked(verified.caller());
		}
		catch (AuthenticationException failure) {
			this.outcomes.onAuthenticationFailure(request, response, failure);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(verified);
		SecurityContextHolder.setContext(context);
		this.outcomes.onAuthenticationSuccess(request, response, verified);
		chain.doFilter(request, response);
	}
}
