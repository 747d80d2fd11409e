package com.gatehouse.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * Refuses (400) a request addressed to a host that is not one of {@code gatehouse.web.allowed-hosts},
 * before any other filter reads a session, a body or a credential. A DNS-rebinding page sets
 * {@code Host} and {@code Origin} both to its own name, so the origin rule alone sees its own
 * origin and lets a password login through; the host name is the one thing such a page cannot
 * choose. The health and metrics endpoints are exempt: probes and scrapers address an instance by
 * its IP, and those endpoints read no credential. With no hosts configured every host passes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class AllowedHostsFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AllowedHostsFilter.class);

	private final Set<String> hosts;

	private final FailureRenderer renderer;

	AllowedHostsFilter(WebProperties properties, FailureRenderer renderer) {
		this.hosts = properties.allowedHosts()
			.stream()
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.renderer = renderer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.hosts.isEmpty() || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (!this.hosts.contains(host)) {
			log.info("request for a host not served refused host={} ip={}", host, request.getRemoteAddr());
			this.renderer.render(response,
					RestFailure.badRequest("request.host", "This service is not served under that host name"));
			return;
		}
		chain.doFilter(request, response);
	}
}
