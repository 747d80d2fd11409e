package com.gatehouse.auth.credentials;

/** An Auth Key as presented, in the Authorization header or the body's {@code auth.key}. */
public final class AuthKeyToken extends PresentedSecret {

	public AuthKeyToken(String key) {
		super(key);
	}

	public String key() {
		return secret();
	}

	@Override
	public Object getPrincipal() {
		return "auth-key";
	}
}
