package com.gatehouse.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The request a forward-auth call asks about (issue 11 §2): nginx {@code auth_request} names it in
 * {@code X-Original-Method}/{@code X-Original-URI}, Traefik ForwardAuth in
 * {@code X-Forwarded-Method}/{@code X-Forwarded-Uri}; Envoy {@code ext_authz} (with a path
 * prefix) sends it as the call itself, under {@code /forward-auth}. The path is without its query.
 */
record OriginalRequest(String method, String path) {

	static final String ENDPOINT = "/forward-auth";

	static OriginalRequest of(HttpServletRequest request) {
		String uri = first(request.getHeader("X-Original-URI"), request.getHeader("X-Forwarded-Uri"));
		String method = first(request.getHeader("X-Original-Method"), request.getHeader("X-Forwarded-Method"));
		if (uri == null) {
			String own = request.getRequestURI().substring(request.getContextPath().length());
			uri = own.substring(Math.min(own.length(), ENDPOINT.length()));
			uri = uri.isEmpty() ? "/" : uri;
		}
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		return new OriginalRequest((method != null) ? method : request.getMethod(), path.startsWith("/") ? path : "/" + path);
	}

	private static @Nullable String first(@Nullable String nginx, @Nullable String traefik) {
		return (nginx != null && !nginx.isEmpty()) ? nginx : traefik;
	}
}
