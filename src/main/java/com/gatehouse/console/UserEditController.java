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
import com.gatehouse.rest.RestFailure;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;
import com.gatehouse.user.UserChanges;
import com.gatehouse.user.UserValues;

/**
 * The user edit screen, {@code /admin/users/{id}}: name, role (only roles the admin may grant),
 * enabled and a password reset, with the user's Tokens and Sessions sections. The user is found
 * through {@link UserAccess}, so a user the admin may not manage answers exactly as the REST API
 * does: 404 for one it may not even see (another company's), 403 for one above it.
 */
@Controller
final class UserEditController {

	private static final Map<String, String> DONE = Map.of("created", "The user was created.", "saved",
			"The changes were saved.", "password", "The password was reset; the user's sessions ended.", "revoked",
			"The token was revoked.", "session-ended", "The session was ended.", "sessions-ended",
			"All the user's sessions were ended.");

	private final UserAccess access;

	private final UserChanges changes;

	private final ConsoleForms forms;

	private final TokenManagement tokens;

	private final SessionsSection sessions;

	UserEditController(UserAccess access, UserChanges changes, ConsoleForms forms, TokenManagement tokens,
			SessionsSection sessions) {
		this.access = access;
		this.changes = changes;
		this.forms = forms;
		this.tokens = tokens;
		this.sessions = sessions;
	}

	@GetMapping("/admin/users/{id}")
	ModelAndView show(@PathVariable long id, @RequestParam(required = false) @Nullable String done) {
		User user = this.access.manageable(Caller.current(), id);
		return page(user, EditForm.of(user), TokenManagement.TokenForm.empty(), new FormErrors())
			.addObject("notice", (done != null) ? DONE.get(done) : null);
	}

	@PostMapping("/admin/users/{id}")
	ModelAndView save(@PathVariable long id, EditForm form) {
		Caller caller = Caller.current();
		User user = this.access.manageable(caller, id);
		UserValues values = new UserValues(null, UsersController.given(form.name()), null, null,
				UsersController.given(form.role()), Boolean.TRUE.equals(form.enabled()), null);
		return change(caller, user, values, form, "saved");
	}

	@PostMapping("/admin/users/{id}/password")
	ModelAndView resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String currentPassword) {
		Caller caller = Caller.current();
		User user = this.access.manageable(caller, id);
		FormErrors errors = new FormErrors();
		if (password.isEmpty()) {
			return failed(user, EditForm.of(user), errors.field("password", "Enter the new password"));
		}
		UserValues values = new UserValues(null, null, password, null, null, null,
				UsersController.secret(currentPassword));
		return change(caller, user, values, EditForm.of(user), "password");
	}

	@PostMapping("/admin/users/{id}/tokens")
	ModelAndView addToken(@PathVariable long id, TokenManagement.TokenForm form) {
		User user = this.access.manageable(Caller.current(), id);
		return this.tokens.add(CallerAuthentication.current(), user.id(), form, tokensBase(id),
				(typed, errors) -> page(user, EditForm.of(user), typed, errors));
	}

	@GetMapping("/admin/users/{id}/tokens/{key}/{action:revoke|rotate}")
	ModelAndView confirmToken(@PathVariable long id, @PathVariable long key, @PathVariable String action) {
		User user = this.access.manageable(Caller.current(), id);
		return this.tokens.confirm(Caller.current(), user.id(), key, action, tokensBase(id));
	}

	@PostMapping("/admin/users/{id}/tokens/{key}/revoke")
	ModelAndView revokeToken(@PathVariable long id, @PathVariable long key) {
		User user = this.access.manageable(Caller.current(), id);
		return this.tokens.revoke(Caller.current(), user.id(), key, "/admin/users/" + id);
	}

	@PostMapping("/admin/users/{id}/tokens/{key}/rotate")
	ModelAndView rotateToken(@PathVariable long id, @PathVariable long key) {
		User user = this.access.manageable(Caller.current(), id);
		return this.tokens.rotate(CallerAuthentication.current(), user.id(), key, tokensBase(id));
	}

	@PostMapping("/admin/users/{id}/sessions/end")
	ModelAndView endSession(@PathVariable long id, @RequestParam String handle) {
		User user = this.access.manageable(Caller.current(), id);
		return this.sessions.end(CallerAuthentication.current(), user.id(), handle, "/admin/users/" + id);
	}

	@PostMapping("/admin/users/{id}/sessions/end-all")
	ModelAndView endAllSessions(@PathVariable long id) {
		User user = this.access.manageable(Caller.current(), id);
		return this.sessions.end(CallerAuthentication.current(), user.id(), null, "/admin/users/" + id);
	}

	private ModelAndView change(Caller caller, User user, UserValues values, EditForm form, String done) {
		FormErrors errors = this.forms.check(values);
		if (!errors.isEmpty()) {
			return failed(user, form, errors);
		}
		try {
			this.changes.update(caller, user, values);
		}
		catch (RestFailure failure) {
			if (!ConsoleForms.isAboutInput(failure)) {
				throw failure;
			}
			ModelAndView page = failed(user, form, ConsoleForms.of(failure, UsersController.FIELD_BY_CODE));
			page.setStatus(failure.status());
			return page;
		}
		return new ModelAndView("redirect:/admin/users/" + user.id() + "?done=" + done);
	}

	private ModelAndView failed(User user, EditForm form, FormErrors errors) {
		ModelAndView page = page(user, form, TokenManagement.TokenForm.empty(), errors);
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	private ModelAndView page(User user, EditForm form, TokenManagement.TokenForm tokenForm, FormErrors errors) {
		CallerAuthentication authentication = CallerAuthentication.current();
		Caller caller = authentication.caller();
		return new ModelAndView("console/user-edit").addObject("user", user)
			.addObject("self", user.id() == caller.userId())
			.addObject("form", form)
			.addObject("roles", this.access.grantableRoles(caller, user.company()))
			.addObject("tokens", this.tokens.rows(caller, user.id()))
			.addObject("tokenForm", tokenForm)
			.addObject("tokensBase", tokensBase(user.id()))
			.addObject("sessions", this.sessions.rows(authentication, user.id()))
			.addObject("sessionsBase", "/admin/users/" + user.id() + "/sessions")
			.addObject("errors", errors);
	}

	private static String tokensBase(long id) {
		return "/admin/users/" + id + "/tokens";
	}

	/** The edit form as submitted (or as the user is); an unticked box sends nothing, so null is false. */
	record EditForm(@Nullable String name, @Nullable String role, @Nullable Boolean enabled) {

		static EditForm of(User user) {
			return new EditForm(user.name(), user.role(), user.enabled());
		}
	}
}
