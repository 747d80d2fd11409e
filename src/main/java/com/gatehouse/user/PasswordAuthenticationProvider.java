package com.gatehouse.user;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;
import com.gatehouse.permission.CallerAuthentication;

/**
 * Verifies a login name and password. An unknown login is checked against a dummy hash, so it
 * costs the same as a wrong password, and every failure is the same rejection (rest-api.md §2).
 */
@Component
final class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final CallerLoader callers;

	PasswordAuthenticationProvider(UserRepository users, PasswordHasher hasher, CallerLoader callers) {
		this.users = users;
		this.hasher = hasher;
		this.callers = callers;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		Optional<StoredPassword> stored = this.users.findPassword(login);
		if (!this.hasher.matches(password, stored.map(StoredPassword::hash).orElse(null))) {
			throw stored.map((user) -> rejected(user, "wrong password"))
				.orElseGet(() -> CredentialsRejected.forLogin(login, "unknown login"));
		}
		return this.callers.load(stored.get().userId(), CredentialKind.PASSWORD)
			.map((caller) -> new CallerAuthentication(caller, null))
			.orElseThrow(() -> rejected(stored.get(), "user disabled"));
	}

	private static CredentialsRejected rejected(StoredPassword user, String reason) {
		return CredentialsRejected.forUser(user.userId(), user.login(), user.company(), reason);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
