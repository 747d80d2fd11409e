package com.gatehouse.credential;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;

import com.gatehouse.credential.CredentialKind;

/**
 * Every credential failure, whatever its cause. The client only ever sees the one generic answer
 * (rest-api.md §2); {@code reason}, {@code login} and the user it names (when a login names one)
 * are for the server's log, the brute-force counts and the audit trail, and never hold a secret.
 */
public final class CredentialsRejected extends BadCredentialsException {

	private final CredentialKind kind;

	private final @Nullable String login;

	private final @Nullable Long userId;

	private final @Nullable String company;

	private CredentialsRejected(CredentialKind kind, @Nullable String login, @Nullable Long userId,
			@Nullable String company, String reason) {
		super(reason);
		this.kind = kind;
		this.login = login;
		this.userId = userId;
		this.company = company;
	}

	public static CredentialsRejected of(CredentialKind kind, String reason) {
		return new CredentialsRejected(kind, null, null, null, reason);
	}

	/** A password for {@code login}, which names no user. */
	public static CredentialsRejected forLogin(String login, String reason) {
		return new CredentialsRejected(CredentialKind.PASSWORD, login, null, null, reason);
	}

	/** A password for the user {@code userId}, {@code login}, of {@code company}. */
	public static CredentialsRejected forUser(long userId, String login, String company, String reason) {
		return new CredentialsRejected(CredentialKind.PASSWORD, login, userId, company, reason);
	}

	public CredentialKind kind() {
		return this.kind;
	}

	public @Nullable String login() {
		return this.login;
	}

	/** The user the login names, when it names one. */
	public @Nullable Long userId() {
		return this.userId;
	}

	/** The home company of {@link #userId()}, when the login names a user. */
	public @Nullable String company() {
		return this.company;
	}
}
