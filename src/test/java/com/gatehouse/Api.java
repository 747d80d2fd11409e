package com.gatehouse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running service, as a PBX integrator would use one: no cookie jar
 * (cookies are sent explicitly), JSON in and out.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	public static final String COOKIE = "Red60urne";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** The service this client talks to, as {@code http://127.0.0.1:<port>}. */
	public String base() {
		return this.base;
	}

	/** POSTs {@code body} (a Map, List or String; a String is sent as it is) with header name/value pairs. */
	public Reply post(String path, Object body, String... headers) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		HttpRequest.Builder request = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(text));
		if (!hasHeader(headers, "Content-Type")) {
			request.header("Content-Type", "application/json");
		}
		return send(request.build(), text);
	}

	/** POSTs with the session cookie set to {@code session}. */
	public Reply postWithCookie(String path, Object body, String session, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Cookie";
		all[1] = COOKIE + "=" + session;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return post(path, body, all);
	}

	public Reply send(String method, String path, String body, String... headers) {
		return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)).build(), body);
	}

	public Reply get(String path, String... headers) {
		return send(request(path, headers).GET().build(), "");
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	/** Sends the request; every secret in it and in the answer is noted for the after-suite scan. */
	private Reply send(HttpRequest request, String body) {
		Secrets.noteRequest(body, request.headers().map());
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
			Secrets.noteReply(reply);
			return reply;
		}
		catch (IOException failure) {
			throw new IllegalStateException(failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	private static boolean hasHeader(String[] headers, String name) {
		for (int i = 0; i < headers.length; i += 2) {
			if (headers[i].equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	/** One answer: status, headers (names lower-case) and body, with the JSON parsed on demand. */
	public record Reply(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst();
		}

		/** The Set-Cookie header for the session cookie, whole (value and attributes). */
		public Optional<String> sessionSetCookie() {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
				.flatMap((entry) -> entry.getValue().stream())
				.filter((cookie) -> cookie.startsWith(COOKIE + "="))
				.findFirst();
		}

		/** The value the session cookie is set to by this answer. */
		public Optional<String> sessionCookie() {
			return sessionSetCookie().map((cookie) -> cookie.substring(COOKIE.length() + 1).split(";", 2)[0]);
		}

		public String result() {
			return json().path("result").asString();
		}

		public String code() {
			return json().path("code").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}
	}
}
