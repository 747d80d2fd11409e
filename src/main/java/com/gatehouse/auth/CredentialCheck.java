package com.gatehouse.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import com.gatehouse.abuse.FailedCredentials;
import com.gatehouse.permission.CallerAuthentication;

/**
 * Verifies one presented credential the one way every entry point does (the REST chain and the
 * admin console alike): an address over its failure limit is refused first (429), the providers
 * verify the credential, a locked login is refused after that, and a success is recorded by
 * {@link AuthOutcomes}. A failure is an {@link AuthenticationException} for the caller to answer
 * after {@link AuthOutcomes#recordFailure} has counted it, so both entry points feed the same
 * brute-force limits.
 */
@Component
public final class CredentialCheck {

	private final AuthenticationManager verifier;

	private final AuthOutcomes outcomes;

	private final FailedCredentials failures;

	CredentialCheck(List<AuthenticationProvider> providers, AuthOutcomes outcomes, FailedCredentials failures) {
		this.verifier = new ProviderManager(providers);
		this.outcomes = outcomes;
		this.failures = failures;
	}

	/** The verified caller; a {@code RestFailure} 429 for a throttled address, an AuthenticationException when refused. */
	public CallerAuthentication verify(HttpServletRequest request, Authentication presented) {
		this.failures.refuseThrottled(request.getRemoteAddr());
		CallerAuthentication verified = (CallerAuthentication) this.verifier.authenticate(presented);
		this.failures.refuseLocked(verified.caller());
		this.outcomes.onAuthenticationSuccess(request, null, verified);
		return verified;
	}
}
