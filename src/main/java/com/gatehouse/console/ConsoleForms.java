package com.gatehouse.console;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.rest.RestFailure;

/**
 * Checks a submitted form with the rules of the feature it goes to: the feature's own validated
 * command (e.g. {@code CreateUser}) is built from the form and validated here by the same
 * Bean Validation constraints the REST API applies, each violation becoming an error next to its
 * field; a failure the feature's service answers afterwards is put next to the field its code
 * concerns, or above the form ({@link #submit}, the one way every console form is submitted).
 */
@Component
final class ConsoleForms {

	private final Validator validator;

	ConsoleForms(Validator validator) {
		this.validator = validator;
	}

	/** The errors of {@code values} under the default group and {@code groups} (e.g. {@code OnCreate}). */
	FormErrors check(Object values, Class<?>... groups) {
		return check(values, UnaryOperator.identity(), groups);
	}

	/** As {@link #check(Object, Class...)}, each error put at the field {@code fieldOf} names for its property path. */
	FormErrors check(Object values, UnaryOperator<String> fieldOf, Class<?>... groups) {
		Class<?>[] all = new Class<?>[groups.length + 1];
		all[0] = Default.class;
		System.arraycopy(groups, 0, all, 1, groups.length);
		FormErrors errors = new FormErrors();
		this.validator.validate(values, all)
			.stream()
			.sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
			.forEach((ConstraintViolation<Object> violation) -> errors.field(fieldOf.apply(violation.getPropertyPath().toString()),
					capitalized(violation.getMessage())));
		return errors;
	}

	/**
	 * Submits a checked form: the page {@code action} answers (a redirect, mostly); or, when the
	 * service refuses, the form again ({@code formAgain}) with {@code refused}'s errors and the
	 * refusal's status. {@code refused} rethrows what is no form error (see {@link #byCode}), which
	 * {@link ConsoleAdvice} then answers with an error page.
	 */
	static ModelAndView submit(Supplier<ModelAndView> action, Function<RestFailure, FormErrors> refused,
			BiFunction<FormErrors, HttpStatus, ModelAndView> formAgain) {
		try {
			return action.get();
		}
		catch (RestFailure failure) {
			ModelAndView page = formAgain.apply(refused.apply(failure), failure.status());
			page.setStatus(failure.status());
			return page;
		}
	}

	/** A refusal about the input as a form error placed by its code ({@link #of}); any other refusal rethrown. */
	static Function<RestFailure, FormErrors> byCode(Map<String, String> fieldByCode) {
		return (failure) -> {
			if (!isAboutInput(failure)) {
				throw failure;
			}
			return of(failure, fieldByCode);
		};
	}

	/**
	 * {@code failure} as a form error: next to the field {@code fieldByCode} names for its code, else
	 * above the form. Failures that are not about the input (403, 404) are not form errors: the
	 * caller rethrows those, and {@link ConsoleAdvice} answers them with an error page.
	 */
	static FormErrors of(RestFailure failure, Map<String, String> fieldByCode) {
		FormErrors errors = new FormErrors();
		String field = fieldByCode.get(failure.code());
		return (field != null) ? errors.field(field, failure.getMessage()) : errors.general(failure.getMessage());
	}

	/** Whether {@code failure} is about what was typed (400, 409), and so belongs on the form. */
	static boolean isAboutInput(RestFailure failure) {
		int status = failure.status().value();
		return status == 400 || status == 409;
	}

	private static String capitalized(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}
}
