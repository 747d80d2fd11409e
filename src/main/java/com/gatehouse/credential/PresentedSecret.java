package com.gatehouse.credential;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A secret as a client presented it, not yet verified: its subclass says which kind it is, so
 * each provider picks its own. It carries the client's address (as resolved through trusted
 * proxies; null when there is no client, e.g. in a unit test), so a provider never reaches for the
 * HTTP request. The secret is never printed.
 */
public abstract class PresentedSecret extends AbstractAuthenticationToken {

	private final String secret;

	private final @Nullable String clientAddress;

	PresentedSecret(String secret, @Nullable String clientAddress) {
		super(List.of());
		this.secret = secret;
		this.clientAddress = clientAddress;
	}

	/** The address of the client that presented the secret. */
	public final @Nullable String clientAddress() {
		return this.clientAddress;
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
