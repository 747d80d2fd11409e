package com.gatehouse.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place a {@link RestFailure} becomes JSON, shared by MVC ({@link RestExceptionHandler}),
 * the servlet filters that run before MVC, and the error page; so every failure has the same shape
 * whoever notices it.
 */
@Component
public final class FailureRenderer {

	// Also on failures that never pass Spring Security's header writer (container and firewall errors).
	private static final String NOSNIFF_HEADER = "X-Content-Type-Options";

	private static final String NOSNIFF = "nosniff";

	private static final String NO_STORE = "no-store";

	private final JsonMapper json;

	private final boolean legacyStatus;

	public FailureRenderer(JsonMapper json, RestProperties properties) {
		this.json = json;
		this.legacyStatus = properties.legacyStatus();
	}

	public ResponseEntity<Map<String, Object>> toResponse(RestFailure failure) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status(failure))
			.contentType(MediaType.APPLICATION_JSON)
			.header(NOSNIFF_HEADER, NOSNIFF)
			.header(HttpHeaders.CACHE_CONTROL, NO_STORE);
		if (failure.retryAfter() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfter().toSeconds()));
		}
		return builder.body(body(failure));
	}

	/** Writes the failure to a response no one else has written to; the servlet-level twin of {@link #toResponse}. */
	public void render(HttpServletResponse response, RestFailure failure) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status(failure).value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(NOSNIFF_HEADER, NOSNIFF);
		response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
		if (failure.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfter().toSeconds()));
		}
		// Written into the buffer, not flushed: the response stays uncommitted until the container
		// ends the exchange, so a valve may still add "Connection: close" when it will not read the
		// rest of an unread body (web/RequestsPerAddressConfig).
		response.getOutputStream().write(this.json.writeValueAsBytes(body(failure)));
	}

	private HttpStatus status(RestFailure failure) {
		return this.legacyStatus ? HttpStatus.OK : failure.status();
	}

	private static Map<String, Object> body(RestFailure failure) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("result", "fail");
		body.put("message", failure.getMessage());
		body.put("code", failure.code());
		return body;
	}
}
