package com.gatehouse.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * CORS for /rest/, and the one use of OPTIONS there. A page of a configured allowed origin gets
 * the CORS headers on its preflights and POSTs: its own origin (never {@code *}) with credentials
 * allowed. Any other origin gets none, so its pages cannot read an answer, and its preflight is
 * refused (403). An OPTIONS that is not a preflight answers 405, like every method the contract
 * does not use. It is not a filter of every request: only the /rest/ security chain runs it.
 */
public final class CrossOriginFilter extends OncePerRequestFilter {

	private static final Duration PREFLIGHT_CACHE = Duration.ofMinutes(10);

	private final BrowserOrigins origins;

	private final FailureRenderer renderer;

	private final DefaultCorsProcessor processor = new JsonRejections();

	public CrossOriginFilter(BrowserOrigins origins, FailureRenderer renderer) {
		this.origins = origins;
		this.renderer = renderer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		CorsConfiguration cors = this.origins.isAllowed(origin) ? configuration(origin) : null;
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			if (!CorsUtils.isPreFlightRequest(request)) {
				this.renderer.render(response, RestFailure.methodNotAllowed());
			}
			else if (cors == null) {
				this.renderer.render(response, BrowserOrigins.crossOrigin());
			}
			else {
				this.processor.processRequest(cors, request, response);
			}
			return;
		}
		if (cors != null && HttpMethod.POST.matches(request.getMethod())) {
			// Never refuses: the origin and the method are the allowed ones. It adds the headers.
			this.processor.processRequest(cors, request, response);
		}
		chain.doFilter(request, response);
	}

	private static CorsConfiguration configuration(String origin) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.of(origin));
		cors.setAllowCredentials(true);
		cors.setAllowedMethods(List.of(HttpMethod.POST.name()));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
		cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
		cors.setMaxAge(PREFLIGHT_CACHE);
		return cors;
	}

	/** Refuses a preflight that asks for another method or header in the one JSON failure shape. */
	private final class JsonRejections extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			CrossOriginFilter.this.renderer.render(((ServletServerHttpResponse) response).getServletResponse(),
					BrowserOrigins.crossOrigin());
		}
	}
}
