package com.gatehouse.console;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The confirmation step before deleting a user or a company: {@code title} ("Delete user alice"),
 * what deleting does ({@code warning}), where the form posts ({@code action}) and where Cancel leads
 * ({@code back}); {@code section} is the header's active entry. The deletion itself is the
 * feature's service, with the REST API's rules: a refusal about the subject (409, e.g. the last
 * System-Admin, a company that still has users) is shown on this page, above the button.
 */
record DeleteConfirmation(String title, String warning, String action, String back, String section) {

	ModelAndView page() {
		return new ModelAndView("console/delete-confirm").addObject("confirm", this);
	}

	/** Deletes through {@code deletion} and answers its page (a redirect), or this page again with the refusal. */
	ModelAndView submit(Supplier<ModelAndView> deletion) {
		return ConsoleForms.submit(deletion, ConsoleForms.byCode(Map.of()), (refused, status) -> refused(refused, status));
	}

	private ModelAndView refused(FormErrors errors, HttpStatus status) {
		ModelAndView page = page().addObject("errors", errors);
		page.setStatus(status);
		return page;
	}
}
