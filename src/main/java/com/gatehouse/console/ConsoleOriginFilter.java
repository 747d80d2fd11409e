package com.gatehouse.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.web.BrowserOrigins;

/**
 * Refuses a console POST whose {@code Origin} is foreign or whose {@code Sec-Fetch-Site} says
 * cross-site, with the console's 403 page, before the CSRF token is even compared. A page of another
 * site that planted its own {@code gatehouse-csrf} cookie (from a sibling subdomain, say) holds a
 * matching token pair, so the token alone does not stop it (issue 12); the browser's own headers do.
 * A POST without either header (no browser sends one so) still needs its token.
 */
final class ConsoleOriginFilter extends OncePerRequestFilter {

	private final BrowserOrigins origins;

	private final AccessDeniedHandler denied;

	ConsoleOriginFilter(BrowserOrigins origins, AccessDeniedHandler denied) {
		this.origins = origins;
		this.denied = denied;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.origins.isForeign(request)) {
			this.denied.handle(request, response, new AccessDeniedException("cross-site console post"));
			return;
		}
		chain.doFilter(request, response);
	}
}
