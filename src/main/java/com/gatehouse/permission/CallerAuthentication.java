package com.gatehouse.permission;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.gatehouse.rest.RestFailure;

/**
 * A verified {@link Caller} in Spring Security's context. {@code sessionId} is the live session
 * that authenticated the call, for a cookie-authenticated call only; it is a secret and never
 * printed. Its authorities carry what the credential itself limits beyond the caller's permissions:
 * {@link #NARROWED}, or a limit the REST dispatcher enforces (e.g. read only).
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

	/**
	 * The caller's permissions are narrowed by its credential (a restricted Auth Key): it may not
	 * mint or take over a credential wider than the permissions it acts with.
	 */
	public static final String NARROWED = "credential:narrowed";

	private final Caller caller;

	private final @Nullable String sessionId;

	public CallerAuthentication(Caller caller, @Nullable String sessionId) {
		this(caller, sessionId, List.of());
	}

	public CallerAuthentication(Caller caller, @Nullable String sessionId,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.caller = caller;
		this.sessionId = sessionId;
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

	public boolean hasAuthority(String authority) {
		return getAuthorities().stream().anyMatch((granted) -> authority.equals(granted.getAuthority()));
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
