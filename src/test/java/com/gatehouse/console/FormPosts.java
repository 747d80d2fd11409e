package com.gatehouse.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.gatehouse.Api;

/**
 * Console forms sent by a plain HTTP client, as a browser without JavaScript sends them: for tests
 * of what a browser test cannot show, such as a form sent without its CSRF token. {@link #csrf}
 * reads a page's token and the cookie it is paired with: an anonymous page's (the sign-in form);
 * a signed-in page's token is bound to its session and has no cookie.
 */
final class FormPosts {

	static final String CSRF_COOKIE = "gatehouse-csrf";

	private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SET_CSRF_COOKIE = Pattern.compile(CSRF_COOKIE + "=([^;]*)");

	private final Api api;

	FormPosts(Api api) {
		this.api = api;
	}

	/** The CSRF token of the page at {@code path} and its cookie, for a client with {@code session} (or none). */
	Csrf csrf(String path, @Nullable String session) {
		Api.Reply page = (session != null) ? this.api.get(path, "Cookie", Api.COOKIE + "=" + session) : this.api.get(path);
		Matcher token = HIDDEN_TOKEN.matcher(page.body());
		String cookie = page.headers()
			.getOrDefault("set-cookie", java.util.List.of())
			.stream()
			.map(SET_CSRF_COOKIE::matcher)
			.filter(Matcher::find)
			.findFirst()
			.map((found) -> found.group(1))
			.orElse(null);
		if (!token.find()) {
			throw new AssertionError("no CSRF token on " + path);
		}
		if ((session == null) != (cookie != null)) {
			throw new AssertionError("a CSRF cookie on " + path + " exactly when anonymous: " + page.headers());
		}
		return new Csrf(token.group(1), cookie);
	}

	/** GETs the page at {@code path} (with its query) as the browser with {@code session} would. */
	Api.Reply page(String path, String session) {
		return this.api.get(path, "Cookie", Api.COOKIE + "=" + session);
	}

	/** POSTs {@code fields} as a form, with the session cookie and CSRF pair when not null. */
	Api.Reply post(String path, Map<String, String> fields, @Nullable String session, @Nullable Csrf csrf) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		StringBuilder cookies = new StringBuilder();
		if (session != null) {
			cookies.append(Api.COOKIE).append('=').append(session);
		}
		if (csrf != null) {
			all.put("_csrf", csrf.token());
		}
		if (csrf != null && csrf.cookie() != null) {
			cookies.append(cookies.isEmpty() ? "" : "; ").append(CSRF_COOKIE).append('=').append(csrf.cookie());
		}
		String body = all.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return cookies.isEmpty()
				? this.api.post(path, body, "Content-Type", "application/x-www-form-urlencoded")
				: this.api.post(path, body, "Content-Type", "application/x-www-form-urlencoded", "Cookie",
						cookies.toString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A page's CSRF token (for the form field) and the cookie value it pairs with (none when signed in). */
	record Csrf(String token, @Nullable String cookie) {
	}
}
