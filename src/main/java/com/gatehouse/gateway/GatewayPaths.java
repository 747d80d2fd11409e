package com.gatehouse.gateway;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.RouteRule;

/**
 * The paths outside {@code /rest/} that the policy's path rules ({@code match: {path: /api/}}) send
 * through the gateway: the /rest/ security chain authenticates them as it does /rest/ calls, with
 * the same four credential ways. Matches nothing when the policy has no path rules.
 */
@Component
public final class GatewayPaths implements RequestMatcher {

	private final List<String> prefixes;

	GatewayPaths(RoutePolicy policy) {
		this.prefixes = policy.rules()
			.stream()
			.map(RouteRule::pathPrefix)
			.filter((prefix) -> prefix != null && !prefix.startsWith(RouteCalls.REST))
			.toList();
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		if (this.prefixes.isEmpty()) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.prefixes.stream().anyMatch(path::startsWith);
	}
}
