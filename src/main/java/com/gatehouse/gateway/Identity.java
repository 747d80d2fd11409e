package com.gatehouse.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.gatehouse.permission.Caller;

/**
 * The identity headers a forwarded call and an allowing forward-auth answer carry (issue 11):
 * {@code X-Gatehouse-User-Id}, {@code -Login}, {@code -Company}, {@code -Perms} (the perms map as
 * compact JSON), {@code -Credential} ({@code session}, {@code key} or {@code password}) and
 * {@code -Assertion}, the signed JWT that proves the others.
 */
@Component
final class Identity {

	/** Every header with this prefix is ours: one a client sends is dropped before anything else. */
	static final String PREFIX = "x-gatehouse-";

	private final Assertions assertions;

	private final JsonMapper json;

	Identity(Assertions assertions, JsonMapper json) {
		this.assertions = assertions;
		this.json = json;
	}

	static boolean isOurs(String header) {
		return header.toLowerCase(Locale.ROOT).startsWith(PREFIX);
	}

	/** The headers for {@code caller}'s call of {@code method} {@code path}, in a fixed order. */
	Map<String, String> headers(Caller caller, String method, String path) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Gatehouse-User-Id", Long.toString(caller.userId()));
		headers.put("X-Gatehouse-Login", caller.login());
		headers.put("X-Gatehouse-Company", caller.company());
		headers.put("X-Gatehouse-Perms", this.json.writeValueAsString(caller.perms().asJson()));
		headers.put("X-Gatehouse-Credential", caller.via().name().toLowerCase(Locale.ROOT));
		headers.put("X-Gatehouse-Assertion", this.assertions.issue(caller, method, path));
		return headers;
	}
}
