package com.gatehouse.auth.credentials;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A secret as a client presented it, not yet verified: its subclass says which kind it is, so
 * each provider picks its own. The secret is never printed.
 */
public abstract class PresentedSecret extends AbstractAuthenticationToken {

	private final String secret;

	PresentedSecret(String secret) {
		super(List.of());
		this.secret = secret;
	}

	protected final String secret() {
		return this.secret;
	}

	@Override
	public final Object getCredentials() {
		return this.secret;
	}

	@Override
	public final String toString() {
		return getClass().getSimpleName() + "[[PROTECTED]]";
	}

	@Override
	public final boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && this.secret.equals(((PresentedSecret) other).secret);
	}

	@Override
	public final int hashCode() {
		return this.secret.hashCode();
	}
}
