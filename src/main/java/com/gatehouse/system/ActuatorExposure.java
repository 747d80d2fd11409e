package com.gatehouse.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * Keeps the actuator beyond health off the API port. Metrics name traffic and outcomes an attacker
 * should not read, and the API port is the one the internet reaches; only health stays there, for
 * load balancers. With {@code management.server.port} set, the actuator lives on that port instead
 * (its own server, which this filter is not part of) and every exposed endpoint answers there; the
 * API port then answers health at {@code /readyz} and {@code /livez}.
 *
 * Anything else under the actuator's path answers the API's own 404, as a path that does not exist.
 */
@Component
final class ActuatorExposure extends OncePerRequestFilter {

	private final FailureRenderer renderer;

	private final boolean sharedPort;

	private final String base;

	ActuatorExposure(FailureRenderer renderer, Environment environment, WebEndpointProperties actuator) {
		this.renderer = renderer;
		this.sharedPort = ManagementPortType.get(environment) == ManagementPortType.SAME;
		this.base = actuator.getBasePath();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!this.sharedPort) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean actuator = path.equals(this.base) || path.startsWith(this.base + "/");
		String health = this.base + "/health";
		return !actuator || path.equals(health) || path.startsWith(health + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.renderer.render(response, RestFailure.unknownPath());
	}
}
