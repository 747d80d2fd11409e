package com.gatehouse.rest;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: whatever the servlet container rejects before MVC (a
 * malformed URL, an error in a filter) still answers the JSON failure shape, never HTML or a
 * stack trace (rest-api.md §2).
 */
@RestController
final class JsonErrorController implements ErrorController {

	private final FailureRenderer renderer;

	JsonErrorController(FailureRenderer renderer) {
		this.renderer = renderer;
	}

	@RequestMapping("/error")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Not an error dispatch: a client asked for /error itself.
			return this.renderer.toResponse(RestFailure.unknownPath());
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || status.is5xxServerError()) {
			Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			return this.renderer.toResponse((failure instanceof Throwable cause && StoreFailures.isUnavailable(cause))
					? RestFailure.unavailable() : RestFailure.internal());
		}
		return this.renderer.toResponse(RestFailure.ofStatus(status));
	}
}
