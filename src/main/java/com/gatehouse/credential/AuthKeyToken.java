package com.gatehouse.credential;

import org.jspecify.annotations.Nullable;

/** An Auth Key as presented, in the Authorization header or the body's {@code auth.key}. */
public final class AuthKeyToken extends PresentedSecret {

	public AuthKeyToken(String key, @Nullable String clientAddress) {
		super(key, clientAddress);
	}

	public String key() {
		return secret();
	}

	@Override
	public Object getPrincipal() {
		return "auth-key";
	}
}
