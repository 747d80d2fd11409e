package com.gatehouse.rest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of the /rest/ chain: reads the body once into a {@link RestRequest} for everything
 * after it (credentials, handlers), and renders any failure that the later filters raise (a bad
 * envelope, a throttled login, a store that is down) in the one JSON shape. It is not a
 * {@code @Component} filter of its own: only the /rest/ security chain runs it.
 */
@Component
public final class RestEnvelopeFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RestEnvelopeFilter.class);

	private final RestRequestReader reader;

	private final FailureRenderer renderer;

	RestEnvelopeFilter(RestRequestReader reader, FailureRenderer renderer) {
		this.reader = reader;
		this.renderer = renderer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			if (HttpMethod.POST.matches(request.getMethod())) {
				request.setAttribute(RestRequest.ATTRIBUTE, this.reader.read(request));
			}
			chain.doFilter(request, response);
		}
		catch (RestFailure failure) {
			this.renderer.render(response, failure);
		}
		catch (RuntimeException failure) {
			if (!StoreFailures.isUnavailable(failure)) {
				throw failure;
			}
			log.warn("store unavailable: {}", failure.getClass().getName());
			this.renderer.render(response, RestFailure.unavailable());
		}
	}
}
