package com.gatehouse.auth.credentials;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An Auth Key as presented, not yet verified. Never prints the key. */
public final class AuthKeyToken extends AbstractAuthenticationToken {

	private final String key;

	public AuthKeyToken(String key) {
		super(List.of());
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	@Override
	public Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return "auth-key";
	}

	@Override
	public String toString() {
		return "AuthKeyToken[key=[PROTECTED]]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AuthKeyToken that && this.key.equals(that.key);
	}

	@Override
	public int hashCode() {
		return this.key.hashCode();
	}
}
