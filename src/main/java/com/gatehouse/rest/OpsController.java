package com.gatehouse.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes {@code POST /rest/ops/<verb>/<type>} to the {@link TypeHandler} of that type. The type
 * may be on the path or in the body; when both are given they must agree (rest-api.md §1). Whether
 * the call may use the verb at all (a read-only credential only reads) is the {@link VerbPolicy}'s
 * decision, asked here before any type is looked up or any handler sees the call.
 */
@RestController
final class OpsController {

	private final Map<String, TypeHandler> handlers;

	private final VerbPolicy policy;

	OpsController(List<TypeHandler> handlers, VerbPolicy policy) {
		this.policy = policy;
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
		this.policy.requireVerb(authentication, parsedVerb);
		TypeHandler handler = this.handlers.get(type(type, request.type()));
		if (handler == null) {
			throw RestFailure.notFound("request.unknown_type", "There is no such type");
		}
		return handler.handle(parsedVerb, request);
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
