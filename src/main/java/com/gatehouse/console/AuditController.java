package com.gatehouse.console;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.audit.AuditEvent;
import com.gatehouse.audit.AuditReading;
import com.gatehouse.audit.AuditScope;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * The Audit page: the events of the trail, newest first and {@value #SHOWN} a page (older pages
 * follow "Older events"), filtered by event name, user (login) and time (from, inclusive; to,
 * exclusive; both in UTC). What an admin sees is {@link AuditReading}'s
 * decision, as for {@code type: "audit"}: a System-Admin every event, a Company-Admin its own
 * company's only, whatever the URL says. The filters are a GET form, so a filtered view is a link.
 */
@Controller
final class AuditController {

	/** The most events one page shows. */
	static final int SHOWN = 200;

	private final AuditReading reading;

	private final ConsoleForms forms;

	AuditController(AuditReading reading, ConsoleForms forms) {
		this.reading = reading;
		this.forms = forms;
	}

	@GetMapping("/admin/audit")
	ModelAndView trail(Filters filters, @RequestParam(defaultValue = "0") int page) {
		int shownPage = Math.max(0, page);
		FormErrors errors = new FormErrors();
		// One more than a page: whether there are older events is whether it comes back.
		AuditScope scope = new AuditScope(instant("from", filters.from(), errors), instant("to", filters.to(), errors),
				UsersController.given(filters.event()), null, UsersController.given(filters.user()), SHOWN + 1);
		FormErrors invalid = this.forms.check(scope, (path) -> "login".equals(path) ? "user" : path);
		List<AuditEvent> events = List.of();
		HttpStatus status = HttpStatus.OK;
		if (errors.isEmpty() && invalid.isEmpty()) {
			try {
				events = this.reading.read(Caller.current(), scope, (long) shownPage * SHOWN);
			}
			catch (RestFailure failure) {
				if (!ConsoleForms.isAboutInput(failure)) {
					throw failure;
				}
				errors = ConsoleForms.of(failure, Map.of("request.invalid", "to"));
				status = failure.status();
			}
		}
		else {
			errors = errors.isEmpty() ? invalid : errors;
			status = HttpStatus.BAD_REQUEST;
		}
		ModelAndView view = new ModelAndView("console/audit").addObject("filters", filters)
			.addObject("events", events.stream().limit(SHOWN).map(Row::of).toList())
			.addObject("page", shownPage)
			.addObject("first", (long) shownPage * SHOWN + 1)
			.addObject("older", events.size() > SHOWN)
			.addObject("errors", errors);
		view.setStatus(status);
		return view;
	}

	/** A datetime-local field (UTC) as an ISO instant; a malformed one is an error next to it. */
	private static @Nullable String instant(String field, @Nullable String text, FormErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC).toString();
		}
		catch (DateTimeParseException malformed) {
			errors.field(field, "Enter a date and time such as 2026-05-01T12:00");
			return null;
		}
	}


	/** The filters as typed, kept in the form. */
	record Filters(@Nullable String event, @Nullable String user, @Nullable String from, @Nullable String to) {
	}

	/** One event as the page shows it. */
	record Row(String time, String event, String user, String company, String ip, String detail) {

		static Row of(AuditEvent event) {
			String user = (event.login() == null) ? "—"
					: event.login() + ((event.contactId() != null) ? " (id " + event.contactId() + ")" : "");
			return new Row(ConsoleTime.of(event.time()), event.event(), user,
					(event.company() != null) ? event.company() : "—", Addresses.of(event.ip()), event.detail());
		}
	}
}
