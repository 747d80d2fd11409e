package com.gatehouse.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.gatehouse.permission.RouteCall;
import com.gatehouse.rest.RestRequest;

/**
 * Reads the {@link RouteCall} a request makes: {@code /rest/<section>/<verb>/<type>} from the path,
 * the type from the body when the path has none (rest-api.md §1, as for {@code /rest/ops/}), and the
 * company of {@code scope.company}. Any other path is a call by path only.
 */
final class RouteCalls {

	static final String REST = "/rest/";

	/** The /rest/ sections Gatehouse answers itself: never forwarded, their unknown paths stay 404. */
	static final Set<String> OWN_SECTIONS = Set.of("auth", "ops");

	private RouteCalls() {
	}

	/** The call {@code method} {@code path} (without query) makes, its body as the envelope filter read it. */
	static RouteCall of(HttpServletRequest request, String method, String path) {
		if (!path.startsWith(REST)) {
			return new RouteCall(method, path, null, null, null, null);
		}
		List<String> segments = Arrays.stream(path.substring(REST.length()).split("/")).filter((s) -> !s.isEmpty()).toList();
		RestRequest body = RestRequest.of(request);
		String type = body.typeWith(segment(segments, 2));
		JsonNode company = body.scope().get("company");
		return new RouteCall(method, path, segment(segments, 0), segment(segments, 1), type,
				(company != null && company.isString()) ? company.asString() : null);
	}

	/** The section of a /rest/ path, or null. */
	static @Nullable String section(String path) {
		return path.startsWith(REST) ? segment(List.of(path.substring(REST.length()).split("/")), 0) : null;
	}

	private static @Nullable String segment(List<String> segments, int index) {
		return (index < segments.size() && !segments.get(index).isEmpty()) ? segments.get(index) : null;
	}
}
