package com.gatehouse.auth.credentials;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;

import com.gatehouse.permission.CredentialKind;

/**
 * Every credential failure, whatever its cause. The client only ever sees the one generic answer
 * (rest-api.md §2); {@code reason} and {@code login} are for the server's own log and never hold a
 * secret.
 */
public final class CredentialsRejected extends BadCredentialsException {

	private final CredentialKind kind;

	private final @Nullable String login;

	private CredentialsRejected(CredentialKind kind, @Nullable String login, String reason) {
		super(reason);
		this.kind = kind;
		this.login = login;
	}

	public static CredentialsRejected of(CredentialKind kind, String reason) {
		return new CredentialsRejected(kind, null, reason);
	}

	public static CredentialsRejected forLogin(String login, String reason) {
		return new CredentialsRejected(CredentialKind.PASSWORD, login, reason);
	}

	public CredentialKind kind() {
		return this.kind;
	}

	public @Nullable String login() {
		return this.login;
	}
}
