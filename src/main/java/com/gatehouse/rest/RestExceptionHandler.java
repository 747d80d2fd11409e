package com.gatehouse.rest;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that leaves a handler into the JSON failure shape of rest-api.md §2: a
 * {@link RestFailure} as it says, an unreachable store as 503, an unknown path as 404, a wrong
 * method as 405, and anything else as a logged 500 that shows nothing of its cause.
 */
@RestControllerAdvice
final class RestExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(RestExceptionHandler.class);

	private final FailureRenderer renderer;

	RestExceptionHandler(FailureRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * Rendered into the response's buffer and not flushed (unlike a message converter's answer), so a
	 * failure given before the body was read can still be sent with "Connection: close".
	 */
	@ExceptionHandler(RestFailure.class)
	void failure(RestFailure failure, HttpServletResponse response) throws IOException {
		this.renderer.render(response, failure);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> unknownPath(NoResourceFoundException ignored) {
		return this.renderer.toResponse(RestFailure.unknownPath());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> wrongMethod(HttpRequestMethodNotSupportedException ignored) {
		return this.renderer.toResponse(RestFailure.methodNotAllowed());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception failure) {
		if (StoreFailures.isUnavailable(failure)) {
			log.warn("store unavailable: {}", failure.getClass().getName());
			return this.renderer.toResponse(RestFailure.unavailable());
		}
		log.error("unexpected failure", failure);
		return this.renderer.toResponse(RestFailure.internal());
	}
}
