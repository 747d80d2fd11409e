package com.gatehouse.permission;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.gatehouse.rest.RestFailure;

/**
 * A verified {@link Caller} in Spring Security's context. {@code sessionId} is the live session
 * that authenticated the call, for a cookie-authenticated call only; it is a secret and never
 * printed. {@code limit} is what the credential itself allows beyond the caller's permissions (a
 * restricted Auth Key's), which only the decision point ({@link AccessPolicy}) reads.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final @Nullable String sessionId;

	private final CredentialLimit limit;

	public CallerAuthentication(Caller caller, @Nullable String sessionId) {
		this(caller, sessionId, CredentialLimit.NONE);
	}

	public CallerAuthentication(Caller caller, @Nullable String sessionId, CredentialLimit limit) {
		super(List.of());
		this.caller = caller;
		this.sessionId = sessionId;
		this.limit = limit;
		setAuthenticated(true);
	}

	/** The verified caller of the current call; 401 when the call carried no credential. */
	public static CallerAuthentication current() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
			return authentication;
		}
		throw RestFailure.unauthorized("auth.required", "Authentication required");
	}

	public Caller caller() {
		return this.caller;
	}

	public @Nullable String sessionId() {
		return this.sessionId;
	}

	public CredentialLimit limit() {
		return this.limit;
	}

	@Override
	public Object getPrincipal() {
		return this.caller;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public String toString() {
		return "CallerAuthentication[" + this.caller + ", sessionId=[PROTECTED]]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CallerAuthentication that && this.caller.equals(that.caller);
	}

	@Override
	public int hashCode() {
		return this.caller.hashCode();
	}
}
