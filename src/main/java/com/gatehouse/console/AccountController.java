package com.gatehouse.console;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.session.SessionAccess;
import com.gatehouse.user.ChangeUser;
import com.gatehouse.user.OwnPassword;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;

/**
 * "My account", {@code /admin/account}, for every signed-in user: changing its own password
 * (proving the current one, as a REST self-service update does, through {@link OwnPassword}), its
 * own tokens (the user edit screen's {@link TokenManagement}) and its own sessions (the
 * {@link SessionsSection}, plus ending every session but the one in use). Whose account it is comes
 * from the session alone, never from the URL.
 */
@Controller
final class AccountController {

	private static final String PAGE = "/admin/account";

	private static final String TOKENS = PAGE + "/tokens";

	private static final Map<String, String> DONE = Map.of("password",
			"Your password was changed. Your other sessions were ended.", "revoked", "The token was revoked.",
			"session-ended", "The session was ended.", "others", "Every other session was ended.");

	private final OwnPassword passwords;

	private final TokenManagement tokens;

	private final SessionsSection sessions;

	private final SessionAccess sessionAccess;

	private final UserAccess users;

	private final ConsoleForms forms;

	AccountController(OwnPassword passwords, TokenManagement tokens, SessionsSection sessions,
			SessionAccess sessionAccess, UserAccess users, ConsoleForms forms) {
		this.passwords = passwords;
		this.tokens = tokens;
		this.sessions = sessions;
		this.sessionAccess = sessionAccess;
		this.users = users;
		this.forms = forms;
	}

	@GetMapping(PAGE)
	ModelAndView account(@RequestParam(required = false) @Nullable String done) {
		return page(TokenManagement.TokenForm.empty(), new FormErrors()).addObject("notice",
				(done != null) ? DONE.get(done) : null);
	}

	@PostMapping(PAGE + "/password")
	ModelAndView changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm) {
		ChangeUser values = ChangeUser.newPassword(UsersController.secret(password),
				UsersController.secret(currentPassword));
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
			return failed(errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			this.passwords.change(Caller.current(), values);
			return new ModelAndView("redirect:" + PAGE + "?done=password");
		}, AccountController::passwordRefused, this::failed);
	}

	@PostMapping(TOKENS)
	ModelAndView addToken(TokenManagement.TokenForm form) {
		CallerAuthentication me = CallerAuthentication.current();
		return this.tokens.add(me, self(), form, TOKENS, this::page);
	}

	@GetMapping(TOKENS + "/{key}/{action:revoke|rotate}")
	ModelAndView confirmToken(@PathVariable long key, @PathVariable String action) {
		return this.tokens.confirm(self(), key, action, TOKENS);
	}

	@PostMapping(TOKENS + "/{key}/revoke")
	ModelAndView revokeToken(@PathVariable long key) {
		return this.tokens.revoke(self(), key, PAGE);
	}

	@PostMapping(TOKENS + "/{key}/rotate")
	ModelAndView rotateToken(@PathVariable long key) {
		return this.tokens.rotate(CallerAuthentication.current(), self(), key, TOKENS);
	}

	@PostMapping(PAGE + "/sessions/end")
	ModelAndView endSession(@RequestParam String handle) {
		return this.sessions.end(self(), CallerAuthentication.current().sessionId(), handle, PAGE);
	}

	@PostMapping(PAGE + "/sessions/end-all")
	ModelAndView endAllSessions() {
		return this.sessions.end(self(), CallerAuthentication.current().sessionId(), null, PAGE);
	}

	@PostMapping(PAGE + "/sessions/end-others")
	String endOtherSessions() {
		this.sessionAccess.endOthers(CallerAuthentication.current());
		return "redirect:" + PAGE + "?done=others#sessions";
	}

	/** A refused change: a wrong current password next to its field, too many tries above the form. */
	private static FormErrors passwordRefused(RestFailure failure) {
		if ("user.current_password".equals(failure.code())) {
			return new FormErrors().field("currentPassword", "That is not your current password");
		}
		if (failure.status() == HttpStatus.TOO_MANY_REQUESTS) {
			return new FormErrors().general(failure.getMessage());
		}
		return ConsoleForms.byCode(Map.of()).apply(failure);
	}

	private ModelAndView failed(FormErrors errors, HttpStatus status) {
		ModelAndView page = page(TokenManagement.TokenForm.empty(), errors);
		page.setStatus(status);
		return page;
	}

	/** The signed-in user's own account, from the session alone: what every section here acts on. */
	private Manageable<User> self() {
		return this.users.self(Caller.current());
	}

	private ModelAndView page(TokenManagement.TokenForm tokenForm, FormErrors errors) {
		Manageable<User> self = self();
		return new ModelAndView("console/account").addObject("tokens", this.tokens.rows(self))
			.addObject("tokenForm", tokenForm)
			.addObject("tokensBase", TOKENS)
			.addObject("sessions", this.sessions.rows(self, CallerAuthentication.current().sessionId()))
			.addObject("sessionsBase", PAGE + "/sessions")
			.addObject("errors", errors);
	}
}
