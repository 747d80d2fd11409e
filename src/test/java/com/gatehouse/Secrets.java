package com.gatehouse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Every secret the suite sends or receives through {@link Api}: passwords, Auth Keys and session ids,
 * right or wrong, so that {@link AfterSuiteSecretScanTests} can look for each where none may be (the
 * store, the log). {@link Api} notes them from every request and answer, so tests need not: a
 * {@code password}, {@code current_password} or {@code new_password} member is a password; a
 * {@code key} or {@code token} member, a {@code keys} list and the value of an
 * {@code Authorization} header are keys; the session cookie (sent or set) and a {@code session}
 * member are session ids. Thread-safe, for tests that call in parallel.
 *
 * <p>Values shorter than {@value #SHORTEST} characters, or made of fewer than {@value #DISTINCT}
 * different characters (a test's {@code "wrong"} or {@code "x".repeat(129)}), are not noted: they
 * are not secrets worth scanning for and would match ordinary text by chance. Nor are masked values
 * holding {@code ...}: the service shows a key it has stored only as such a hint
 * ({@code ghk_...wxyz}), which is meant to be seen and stored.
 */
public final class Secrets {

	/** What a secret is; decides where the scan may still find it. */
	public enum Kind {

		PASSWORD, KEY, SESSION
	}

	static final int SHORTEST = 8;

	static final int DISTINCT = 4;

	private static final String MASK = "...";

	private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9_\\-.~+/]{" + SHORTEST + ",}=*");

	private static final Pattern SESSION_COOKIE = Pattern.compile(Api.COOKIE + "=([^;\\s]+)");

	private static final Map<Kind, Set<String>> KNOWN = new EnumMap<>(Map.of(Kind.PASSWORD,
			ConcurrentHashMap.newKeySet(), Kind.KEY, ConcurrentHashMap.newKeySet(), Kind.SESSION,
			ConcurrentHashMap.newKeySet()));

	static {
		add(Kind.PASSWORD, Directory.ADMIN_PASSWORD);
	}

	private Secrets() {
	}

	/** Notes {@code secret} as a {@code kind}, unless it is too short or too plain to scan for. */
	public static void add(Kind kind, @Nullable String secret) {
		if (secret != null && secret.length() >= SHORTEST && secret.chars().distinct().count() >= DISTINCT
				&& !secret.contains(MASK)) {
			KNOWN.get(kind).add(secret);
		}
	}

	/** The secrets of {@code kind} noted so far. */
	public static Set<String> of(Kind kind) {
		return Set.copyOf(KNOWN.get(kind));
	}

	/** Notes the secrets in a request: its JSON body (a String that is not JSON has none) and headers. */
	static void noteRequest(@Nullable String body, Map<String, List<String>> headers) {
		noteJson(body);
		headers.forEach((name, values) -> values.forEach((value) -> {
			if (name.equalsIgnoreCase("Authorization")) {
				Matcher keys = KEY_LIKE.matcher(value);
				while (keys.find()) {
					add(Kind.KEY, keys.group());
				}
			}
			if (name.equalsIgnoreCase("Cookie")) {
				noteSessionCookie(value);
			}
		}));
	}

	/** Notes the secrets in an answer: its JSON body and the session cookie it sets. */
	static void noteReply(Api.Reply reply) {
		noteJson(reply.body());
		reply.headers().forEach((name, values) -> {
			if (name.equalsIgnoreCase("Set-Cookie")) {
				values.forEach(Secrets::noteSessionCookie);
			}
		});
	}

	private static void noteSessionCookie(String header) {
		Matcher cookie = SESSION_COOKIE.matcher(header);
		while (cookie.find()) {
			add(Kind.SESSION, cookie.group(1));
		}
	}

	private static void noteJson(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return;
		}
		try {
			note(Api.JSON.readTree(body));
		}
		catch (JacksonException notJson) {
			// Nothing to note: the service reads such a body as {} (rest-api.md §1).
		}
	}

	private static void note(JsonNode node) {
		if (node.isArray()) {
			node.forEach(Secrets::note);
		}
		if (!node.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			JsonNode value = member.getValue();
			switch (member.getKey()) {
				case "password", "current_password", "new_password" -> add(Kind.PASSWORD, text(value));
				case "key", "token" -> add(Kind.KEY, text(value));
				case "keys" -> value.forEach((key) -> add(Kind.KEY, text(key)));
				case "session" -> add(Kind.SESSION, text(value));
				default -> {
				}
			}
			note(value);
		}
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}
}
