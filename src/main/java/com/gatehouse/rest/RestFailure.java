package com.gatehouse.rest;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The one failure of the REST envelope: an HTTP status, a stable dotted {@code code} for machines
 * and a message for people. {@link FailureRenderer} turns it into
 * {@code {"result":"fail","message":..,"code":..}}; {@code retryAfter} is non-null only for the
 * 429 and 503 answers that tell a client when to come back.
 */
public final class RestFailure extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final @Nullable Duration retryAfter;

	private RestFailure(HttpStatus status, String code, String message, @Nullable Duration retryAfter) {
		// Failures are answers, not bugs: no stack trace to fill or to leak.
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public static RestFailure badRequest(String code, String message) {
		return new RestFailure(HttpStatus.BAD_REQUEST, code, message, null);
	}

	public static RestFailure unauthorized(String code, String message) {
		return new RestFailure(HttpStatus.UNAUTHORIZED, code, message, null);
	}

	public static RestFailure forbidden() {
		return new RestFailure(HttpStatus.FORBIDDEN, "permission.denied", "You do not have permission to do that", null);
	}

	/** Refused for a reason other than the caller's permissions, such as where the request came from. */
	public static RestFailure forbidden(String code, String message) {
		return new RestFailure(HttpStatus.FORBIDDEN, code, message, null);
	}

	public static RestFailure notFound(String code, String message) {
		return new RestFailure(HttpStatus.NOT_FOUND, code, message, null);
	}

	/** A path nothing answers (the API's own 404). */
	public static RestFailure unknownPath() {
		return notFound("request.unknown_path", "There is no such call");
	}

	public static RestFailure methodNotAllowed() {
		return new RestFailure(HttpStatus.METHOD_NOT_ALLOWED, "request.method", "Use POST for this call", null);
	}

	public static RestFailure conflict(String code, String message) {
		return new RestFailure(HttpStatus.CONFLICT, code, message, null);
	}

	public static RestFailure tooLarge(long limitBytes) {
		return new RestFailure(HttpStatus.CONTENT_TOO_LARGE, "request.too_large",
				"The request body is larger than " + limitBytes + " bytes", null);
	}

	public static RestFailure throttled(Duration retryAfter) {
		return new RestFailure(HttpStatus.TOO_MANY_REQUESTS, "request.throttled",
				"Too many requests; try again shortly", retryAfter);
	}

	public static RestFailure unavailable() {
		return new RestFailure(HttpStatus.SERVICE_UNAVAILABLE, "store.unavailable",
				"The service is temporarily unavailable; try again shortly", Duration.ofSeconds(5));
	}

	/** The upstream service of a forwarded call could not be reached or broke off (issue 11). */
	public static RestFailure upstreamUnavailable() {
		return new RestFailure(HttpStatus.BAD_GATEWAY, "upstream.unavailable", "The upstream service is unavailable",
				null);
	}

	/** The upstream service of a forwarded call did not answer in time (issue 11). */
	public static RestFailure upstreamTimeout() {
		return new RestFailure(HttpStatus.GATEWAY_TIMEOUT, "upstream.timeout", "The upstream service did not answer in time",
				null);
	}

	public static RestFailure internal() {
		return new RestFailure(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side", null);
	}

	public static RestFailure ofStatus(HttpStatus status) {
		return new RestFailure(status, "http." + status.value(), status.getReasonPhrase(), null);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}
}
