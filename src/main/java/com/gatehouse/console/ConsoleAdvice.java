package com.gatehouse.console;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.StoreFailures;

/**
 * What every console page has: {@code me} (the signed-in user, or null) and {@code errors} (empty
 * unless a handler put its own). And how a console page fails: a {@link RestFailure} from a service
 * becomes an HTML page with its status and message (404 for a user the admin may not see, exactly
 * as the REST API answers), a URL that names nothing is 404, and anything unexpected is a logged
 * 500 page that shows nothing of its cause. Never a stack trace or a Whitelabel page. Ordered
 * before the REST advice, which answers JSON for everything else.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ConsoleAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

	private final AccessPolicy policy;

	ConsoleAdvice(AccessPolicy policy) {
		this.policy = policy;
	}

	@ModelAttribute("me")
	@Nullable ConsoleUser me() {
		return ConsoleUser.current(this.policy);
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return new FormErrors();
	}

	@ExceptionHandler(RestFailure.class)
	ModelAndView failure(RestFailure failure) {
		if (failure.status() == HttpStatus.UNAUTHORIZED) {
			return new ModelAndView("redirect:" + ConsoleSecurity.SIGN_IN_PAGE);
		}
		return withMe(page(failure.status(), failure.getMessage()));
	}

	/** A path variable that is no id (/admin/users/abc) names no page. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView noSuchPage(MethodArgumentTypeMismatchException ignored) {
		return withMe(page(HttpStatus.NOT_FOUND, "There is no such page"));
	}

	/** A form the console's own pages never send: a field missing or of the wrong kind. */
	@ExceptionHandler({ MissingServletRequestParameterException.class, BindException.class })
	ModelAndView malformed(Exception ignored) {
		return withMe(page(HttpStatus.BAD_REQUEST,
				"The form was incomplete or malformed. Go back, reload the page and try again."));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception failure) {
		if (StoreFailures.isUnavailable(failure)) {
			log.warn("store unavailable: {}", failure.getClass().getName());
			return withMe(page(HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; try again shortly"));
		}
		log.error("unexpected failure in the console", failure);
		return withMe(page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"));
	}

	/** An exception handler's page gets no model attribute of its own: it names the signed-in user itself. */
	private ModelAndView withMe(ModelAndView page) {
		return page.addObject("me", me());
	}

	/** The error page: {@code status} and a message for people ({@code me}: the caller's to add, see {@link #withMe}). */
	static ModelAndView page(HttpStatus status, @Nullable String message) {
		ModelAndView page = new ModelAndView("console/error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", status.getReasonPhrase());
		page.addObject("message", message);
		page.addObject("errors", new FormErrors());
		return page;
	}
}
