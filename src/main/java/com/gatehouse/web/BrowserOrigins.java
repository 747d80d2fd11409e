package com.gatehouse.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import com.gatehouse.rest.RestFailure;

/**
 * Which browser pages may use a credential that a browser supplies by itself. A browser adds the
 * session cookie to a request any page makes, and a password login sets that cookie, so such a
 * request is refused (403) when it comes from another site ({@code Sec-Fetch-Site: cross-site})
 * or from a page whose {@code Origin} is neither the service's own (the scheme, host and port the
 * request came to, through trusted proxies) nor a configured allowed origin. A request without
 * {@code Origin} comes from no page (a browser always sends it on a cross-origin POST) and passes.
 */
@Component
public final class BrowserOrigins {

	private static final Logger log = LoggerFactory.getLogger(BrowserOrigins.class);

	private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

	private final Set<String> allowed;

	BrowserOrigins(WebProperties properties) {
		this.allowed = properties.allowedOrigins()
			.stream()
			.map(BrowserOrigins::configured)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Refuses (403) a request from another site, or from a page of an origin that is neither ours nor allowed. */
	public void refuseForeign(HttpServletRequest request) {
		if (isForeign(request)) {
			throw crossOrigin();
		}
	}

	/**
	 * Whether the request comes from another site, or from a page of an origin that is neither ours
	 * nor allowed; such a request is logged, as the caller refuses it.
	 */
	public boolean isForeign(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		boolean crossSite = "cross-site".equalsIgnoreCase(request.getHeader(SEC_FETCH_SITE));
		if (crossSite || (origin != null && !isOwn(request, origin) && !isAllowed(origin))) {
			log.info("cross-origin request refused origin={} cross_site={} ip={}",
					(origin != null) ? normalized(origin) : "-", crossSite, request.getRemoteAddr());
			return true;
		}
		return false;
	}

	/** The one refusal of a request from a page that may not make it. */
	static RestFailure crossOrigin() {
		return RestFailure.forbidden("request.cross_origin", "Pages of this origin may not make this call");
	}

	/** Whether {@code origin} is one of the configured allowed origins (never true for a missing one). */
	boolean isAllowed(@Nullable String origin) {
		String normalized = (origin != null) ? normalized(origin) : null;
		return normalized != null && this.allowed.contains(normalized);
	}

	private static boolean isOwn(HttpServletRequest request, String origin) {
		String own = normalized(request.getScheme(), request.getServerName(), request.getServerPort());
		return own.equals(normalized(origin));
	}

	private static String configured(String origin) {
		String normalized = normalized(origin);
		if (normalized == null) {
			throw new IllegalArgumentException("gatehouse.web.allowed-origins: '" + origin
					+ "' is not an origin (scheme://host[:port]); '*' is never allowed, as credentials are");
		}
		return normalized;
	}

	/**
	 * {@code origin} as {@code scheme://host:port} in lower case with the port always written, so
	 * equal origins compare equal; null when it is no origin at all (such as the opaque
	 * {@code null} of a sandboxed page, or anything that is not a URL).
	 */
	private static @Nullable String normalized(String origin) {
		try {
			URI uri = new URI(origin);
			boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
			return (uri.getScheme() != null && uri.getHost() != null && bare)
					? normalized(uri.getScheme(), uri.getHost(), uri.getPort()) : null;
		}
		catch (URISyntaxException notAnOrigin) {
			return null;
		}
	}

	private static String normalized(String scheme, String host, int port) {
		String lowerScheme = scheme.toLowerCase(Locale.ROOT);
		int knownPort = (port >= 0) ? port : switch (lowerScheme) {
			case "https" -> 443;
			case "http" -> 80;
			default -> -1;
		};
		return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + knownPort;
	}
}
