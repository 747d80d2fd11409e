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
import com.gatehouse.user.ChangeUser;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;
import com.gatehouse.user.UserChanges;

/**
 * The user edit screen, {@code /admin/users/{id}}: name, role (only roles the admin may grant),
 * enabled and a password reset, with the user's Tokens and Sessions sections. The user is found
 * through {@link UserAccess}, so a user the admin may not manage answers exactly as the REST API
 * does: 404 for one it may not even see (another company's), 403 for one above it. That lookup is
 * the one decision of each request: its proof is what the changes and the sections act on.
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
		Manageable<User> user = this.access.manageable(Caller.current(), id);
		return page(user, EditForm.of(user.subject()), TokenManagement.TokenForm.empty(), new FormErrors())
			.addObject("notice", (done != null) ? DONE.get(done) : null);
	}

	@PostMapping("/admin/users/{id}")
	ModelAndView save(@PathVariable long id, EditForm form) {
		Manageable<User> user = this.access.manageable(Caller.current(), id);
		ChangeUser values = ChangeUser.edit(UsersController.given(form.name()), UsersController.given(form.role()),
				Boolean.TRUE.equals(form.enabled()));
		return change(user, values, form, "saved");
	}

	@PostMapping("/admin/users/{id}/password")
	ModelAndView resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String currentPassword) {
		Manageable<User> user = this.access.manageable(Caller.current(), id);
		FormErrors errors = new FormErrors();
		if (password.isEmpty()) {
			return failed(user, EditForm.of(user.subject()), errors.field("password", "Enter the new password"),
					HttpStatus.BAD_REQUEST);
		}
		ChangeUser values = ChangeUser.newPassword(password, UsersController.secret(currentPassword));
		return change(user, values, EditForm.of(user.subject()), "password");
	}

	@PostMapping("/admin/users/{id}/tokens")
	ModelAndView addToken(@PathVariable long id, TokenManagement.TokenForm form) {
		Manageable<User> user = this.access.manageable(Caller.current(), id);
		return this.tokens.add(CallerAuthentication.current(), user, form, tokensBase(id),
				(typed, errors) -> page(user, EditForm.of(user.subject()), typed, errors));
	}

	@GetMapping("/admin/users/{id}/tokens/{key}/{action:revoke|rotate}")
	ModelAndView confirmToken(@PathVariable long id, @PathVariable long key, @PathVariable String action) {
		return this.tokens.confirm(this.access.manageable(Caller.current(), id), key, action, tokensBase(id));
	}

	@PostMapping("/admin/users/{id}/tokens/{key}/revoke")
	ModelAndView revokeToken(@PathVariable long id, @PathVariable long key) {
		return this.tokens.revoke(this.access.manageable(Caller.current(), id), key, "/admin/users/" + id);
	}

	@PostMapping("/admin/users/{id}/tokens/{key}/rotate")
	ModelAndView rotateToken(@PathVariable long id, @PathVariable long key) {
		return this.tokens.rotate(CallerAuthentication.current(), this.access.manageable(Caller.current(), id), key,
				tokensBase(id));
	}

	@PostMapping("/admin/users/{id}/sessions/end")
	ModelAndView endSession(@PathVariable long id, @RequestParam String handle) {
		CallerAuthentication me = CallerAuthentication.current();
		return this.sessions.end(this.access.manageable(me.caller(), id), me.sessionId(), handle, "/admin/users/" + id);
	}

	@PostMapping("/admin/users/{id}/sessions/end-all")
	ModelAndView endAllSessions(@PathVariable long id) {
		CallerAuthentication me = CallerAuthentication.current();
		return this.sessions.end(this.access.manageable(me.caller(), id), me.sessionId(), null, "/admin/users/" + id);
	}

	private ModelAndView change(Manageable<User> user, ChangeUser values, EditForm form, String done) {
		FormErrors errors = this.forms.check(values);
		if (!errors.isEmpty()) {
			return failed(user, form, errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			this.changes.update(user, values);
			return new ModelAndView("redirect:/admin/users/" + user.subject().id() + "?done=" + done);
		}, ConsoleForms.byCode(UsersController.FIELD_BY_CODE), (refused, status) -> failed(user, form, refused, status));
	}

	private ModelAndView failed(Manageable<User> user, EditForm form, FormErrors errors, HttpStatus status) {
		ModelAndView page = page(user, form, TokenManagement.TokenForm.empty(), errors);
		page.setStatus(status);
		return page;
	}

	private ModelAndView page(Manageable<User> target, EditForm form, TokenManagement.TokenForm tokenForm,
			FormErrors errors) {
		Caller caller = target.caller();
		User user = target.subject();
		return new ModelAndView("console/user-edit").addObject("user", user)
			.addObject("self", user.id() == caller.userId())
			.addObject("form", form)
			.addObject("roles", this.access.grantableRoles(caller, user.company()))
			.addObject("tokens", this.tokens.rows(target))
			.addObject("tokenForm", tokenForm)
			.addObject("tokensBase", tokensBase(user.id()))
			.addObject("sessions", this.sessions.rows(target, CallerAuthentication.current().sessionId()))
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
