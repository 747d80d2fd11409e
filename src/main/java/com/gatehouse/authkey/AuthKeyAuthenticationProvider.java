package com.gatehouse.authkey;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.gatehouse.auth.credentials.AuthKeyToken;
import com.gatehouse.auth.credentials.CredentialsRejected;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.CredentialKind;
import com.gatehouse.user.CallerLoader;

/**
 * Verifies an Auth Key: its digest names a key, and the key's owner exists and is enabled. The
 * caller then acts with exactly the owner's permissions as they are now (rest-api.md §3).
 */
@Component
final class AuthKeyAuthenticationProvider implements AuthenticationProvider {

	private final AuthKeyRepository keys;

	private final CallerLoader callers;

	AuthKeyAuthenticationProvider(AuthKeyRepository keys, CallerLoader callers) {
		this.keys = keys;
		this.callers = callers;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String key = ((AuthKeyToken) authentication).key();
		long owner = this.keys.findOwner(AuthKeyFormat.digest(key))
			.orElseThrow(() -> CredentialsRejected.of(CredentialKind.KEY, "unknown key"));
		return this.callers.load(owner, CredentialKind.KEY)
			.map((caller) -> new CallerAuthentication(caller, null))
			.orElseThrow(() -> CredentialsRejected.of(CredentialKind.KEY, "key owner disabled or gone"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return AuthKeyToken.class.isAssignableFrom(authentication);
	}
}
