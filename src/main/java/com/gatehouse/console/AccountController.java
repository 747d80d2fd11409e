package com.gatehouse.console;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.session.SessionAccess;
import com.gatehouse.session.SessionView;
import com.gatehouse.user.OwnPassword;
import com.gatehouse.user.UserValues;

/**
 * "My account", for every signed-in user: changing its own password (proving the current one, as a
 * REST self-service update does, through {@link OwnPassword}), and its own sessions, listed and
 * ended one at a time or all but the one in use ({@link SessionAccess}, as {@code type: "session"}).
 */
@Controller
final class AccountController {

	private static final String PAGE = "/admin/account";

	private static final Map<String, String> NOTICES = Map.of("password",
			"Your password was changed. Your other sessions were ended.", "session", "The session was ended.",
			"others", "Every other session was ended.");

	private final OwnPassword passwords;

	private final SessionAccess sessions;

	private final ConsoleForms forms;

	AccountController(OwnPassword passwords, SessionAccess sessions, ConsoleForms forms) {
		this.passwords = passwords;
		this.sessions = sessions;
		this.forms = forms;
	}

	@GetMapping(PAGE)
	ModelAndView account(@RequestParam(required = false) @Nullable String done) {
		return page(new FormErrors(), HttpStatus.OK).addObject("notice", (done != null) ? NOTICES.get(done) : null);
	}

	@PostMapping(PAGE + "/password")
	ModelAndView changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm) {
		UserValues values = new UserValues(null, null, password.isEmpty() ? null : password, null, null, null,
				currentPassword.isEmpty() ? null : currentPassword);
		FormErrors errors = this.forms.check(values);
		if (currentPassword.isEmpty()) {
			errors.field("currentPassword", "Enter your current password");
		}
		if (password.isEmpty()) {
			errors.field("password", "Enter a new password");
		}
		else if (!password.equals(confirm)) {
			errors.field("confirm", "The two new passwords differ");
		}
		if (!errors.isEmpty()) {
			return page(errors, HttpStatus.BAD_REQUEST);
		}
		try {
			this.passwords.change(Caller.current(), values);
		}
		catch (RestFailure failure) {
			return page(passwordRefused(failure), failure.status());
		}
		return new ModelAndView("redirect:" + PAGE + "?done=password");
	}

	@PostMapping(PAGE + "/sessions/end")
	String endSession(@RequestParam String session) {
		Caller caller = Caller.current();
		this.sessions.end(caller, caller.userId(), session);
		return "redirect:" + PAGE + "?done=session";
	}

	@PostMapping(PAGE + "/sessions/end-others")
	String endOtherSessions() {
		this.sessions.endOthers(CallerAuthentication.current());
		return "redirect:" + PAGE + "?done=others";
	}

	/** A refused change: a wrong current password next to its field, too many tries above the form. */
	private static FormErrors passwordRefused(RestFailure failure) {
		if ("user.current_password".equals(failure.code())) {
			return new FormErrors().field("currentPassword", "That is not your current password");
		}
		if (failure.status() == HttpStatus.TOO_MANY_REQUESTS) {
			return new FormErrors().general(failure.getMessage());
		}
		if (!ConsoleForms.isAboutInput(failure)) {
			throw failure;
		}
		return ConsoleForms.of(failure, Map.of());
	}

	private ModelAndView page(FormErrors errors, HttpStatus status) {
		CallerAuthentication me = CallerAuthentication.current();
		List<SessionRow> rows = this.sessions.list(me, me.caller().userId()).stream().map(SessionRow::of).toList();
		ModelAndView page = new ModelAndView("console/account").addObject("sessions", rows).addObject("errors", errors);
		page.setStatus(status);
		return page;
	}

	/** One session as the page shows it. */
	record SessionRow(String handle, String created, String lastAccess, String ip, String browser, boolean current) {

		static SessionRow of(SessionView session) {
			return new SessionRow(session.handle(), ConsoleTime.of(session.created()), ConsoleTime.of(session.lastAccess()),
					(session.ip() != null) ? session.ip() : "—",
					(session.userAgent() != null) ? session.userAgent() : "—", session.current());
		}
	}
}
