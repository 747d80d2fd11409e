package com.gatehouse.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes {@code POST /rest/ops/<verb>/<type>} to the {@link TypeHandler} of that type. The type
 * may be on the path or in the body; when both are given they must agree (rest-api.md §1). A call
 * whose credential may only read ({@link Verb#ONLY_READ_AUTHORITY}) is refused any other verb here,
 * before any handler sees it.
 */
@RestController
final class OpsController {

	private static final Logger log = LoggerFactory.getLogger(OpsController.class);

	private final Map<String, TypeHandler> handlers;

	OpsController(List<TypeHandler> handlers) {
		this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(TypeHandler::type, Function.identity()));
	}

	@PostMapping({ "/rest/ops/{verb}", "/rest/ops/{verb}/", "/rest/ops/{verb}/{type}", "/rest/ops/{verb}/{type}/" })
	Object ops(@PathVariable String verb, @PathVariable(required = false) @Nullable String type,
			HttpServletRequest servletRequest) {
		// Who asks comes first: nothing about verbs or types is told to an anonymous caller.
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			throw RestFailure.unauthorized("auth.required", "Authentication required");
		}
		RestRequest request = RestRequest.of(servletRequest);
		Verb parsedVerb = Verb.parse(verb);
		if (parsedVerb != Verb.READ && onlyReads(authentication)) {
			log.info("permission denied action=ops.{} reason=read-only credential", parsedVerb.name().toLowerCase(Locale.ROOT));
			throw RestFailure.forbidden();
		}
		TypeHandler handler = this.handlers.get(type(type, request.type()));
		if (handler == null) {
			throw RestFailure.notFound("request.unknown_type", "There is no such type");
		}
		return handler.handle(parsedVerb, request);
	}

	private static boolean onlyReads(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((granted) -> Verb.ONLY_READ_AUTHORITY.equals(granted.getAuthority()));
	}

	private static String type(@Nullable String onPath, @Nullable String inBody) {
		if (onPath != null && inBody != null && !onPath.equals(inBody)) {
			throw RestFailure.badRequest("request.type_conflict", "The type on the path and in the body differ");
		}
		String type = (onPath != null) ? onPath : inBody;
		if (type == null || type.isEmpty()) {
			throw RestFailure.badRequest("request.type_required", "Name a type on the path or in the body");
		}
		return type;
	}
}
