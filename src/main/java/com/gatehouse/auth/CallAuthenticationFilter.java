package com.gatehouse.auth;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.credential.AuthKeyToken;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.web.BrowserOrigins;

/**
 * Authenticates one /rest/ call: the converter extracts the credential (null: none); a credential
 * a browser may have sent on a foreign page's behalf is refused (403), and so is any credential
 * from an address over its failure limit (429); {@link CredentialCheck} verifies it (as it does
 * for the admin console), and {@link AuthOutcomes} records the decision and answers a failure. A
 * password on the login path is recorded as a {@code login.success} once its session exists
 * ({@link PasswordSignIn#openSession}); on any other call it opens no session and is recorded here. It
 * is Spring Security's {@code AuthenticationFilter} without the two things that filter does to the
 * HTTP session: it looks the session up and changes its id after every success, a session-fixation
 * defence for logins kept in the session. Here every call is authenticated on its own and only a
 * login may change a session (rest-api.md §3, {@code SessionLogin}).
 */
public final class CallAuthenticationFilter extends OncePerRequestFilter {

	private final AuthenticationConverter credentials;

	private final CredentialCheck check;

	private final AuthOutcomes outcomes;

	private final BrowserOrigins origins;

	private final RequestMatcher login = new OrRequestMatcher(Arrays.stream(AuthController.LOGIN)
		.map((path) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
		.toList());

	public CallAuthenticationFilter(AuthenticationConverter credentials, CredentialCheck check, AuthOutcomes outcomes,
			BrowserOrigins origins) {
		this.credentials = credentials;
		this.check = check;
		this.outcomes = outcomes;
		this.origins = origins;
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
			verified = this.check.verify(request, presented);
		}
		catch (AuthenticationException failure) {
			this.outcomes.onAuthenticationFailure(request, response, failure);
			return;
		}
		if (verified.caller().via() == CredentialKind.PASSWORD && !this.login.matches(request)) {
			this.outcomes.passwordAccepted(verified.caller());
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(verified);
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
