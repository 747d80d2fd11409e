package com.gatehouse;

import java.util.Map;

/**
 * Sends a request of the public IPCortex documentation as a PHP or Node client does (rest-api.md
 * §5): the body as the raw text printed there, with no {@code Content-Type} header. The only change
 * to the printed text is the example's own ids ({@code testcompany}, {@code 123}), which become
 * the test's, since tests share one store.
 */
public final class Documented {

	private final Api api;

	private final Map<String, String> ids;

	public Documented(Api api, Map<String, String> ids) {
		this.api = api;
		this.ids = ids;
	}

	/** POSTs the documented {@code body} to {@code path} with header name/value pairs (never a Content-Type). */
	public Api.Reply post(String path, String body, String... headers) {
		String text = body;
		for (Map.Entry<String, String> id : this.ids.entrySet()) {
			text = text.replace(id.getKey(), id.getValue());
		}
		return this.api.send("POST", path, text, headers);
	}

	/** A cookie header pair for the session {@code session}. */
	public static String[] cookie(String session) {
		return new String[] { "Cookie", Api.COOKIE + "=" + session };
	}

	/** A System-Admin session, logged in with the documented login request. */
	public static String adminSession(Api api) {
		Api.Reply reply = api.send("POST", "/rest/auth/", """
				{"auth":{"type":"auth","username":"%s","password":"%s"}}""".formatted(Directory.ADMIN_LOGIN,
				Directory.ADMIN_PASSWORD));
		return reply.sessionCookie().orElseThrow(() -> new AssertionError("admin login: " + reply));
	}
}
