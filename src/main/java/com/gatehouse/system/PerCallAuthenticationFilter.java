package com.gatehouse.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs Spring Security's {@link AuthenticationFilter} on a view of the request that has no session.
 * After each successful authentication that filter changes the id of whatever session the request
 * names (a session-fixation defence for logins kept in the session). Gatehouse authenticates every
 * call on its own and only a login may change a session's id (rest-api.md §3, SessionLogin); left
 * to it, every call carrying the cookie silently rotated it, so {@code user.session} went stale, a
 * logout deleted the new, unsaved id and the session lived on, and a login re-adopted an expired
 * session. The rest of the chain gets the request as it came.
 */
final class PerCallAuthenticationFilter extends OncePerRequestFilter {

	private final AuthenticationFilter delegate;

	PerCallAuthenticationFilter(AuthenticationFilter delegate) {
		this.delegate = delegate;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.delegate.doFilter(new WithoutSession(request), response,
				(ignored, sameResponse) -> chain.doFilter(request, sameResponse));
	}

	private static final class WithoutSession extends HttpServletRequestWrapper {

		WithoutSession(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable HttpSession getSession(boolean create) {
			return create ? super.getSession(true) : null;
		}
	}
}
