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

import com.gatehouse.company.Company;
import com.gatehouse.company.CompanyChanges;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.user.CreateUser;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;
import com.gatehouse.user.UserChanges;

/**
 * The Users page: the users in the admin's scope (a System-Admin every company, with a company
 * filter; a Company-Admin its own), searched by login and name, a page at a time; and creating a
 * user. Who may see and create whom is {@link UserAccess}' and {@link UserChanges}' decision, as
 * for {@code type: "user"}.
 */
@Controller
final class UsersController {

	/** Where a failure of a user change belongs on the form, by its code. */
	static final Map<String, String> FIELD_BY_CODE = Map.of("user.exists", "login", "role.unknown", "role",
			"company.unknown", "company", "user.current_password", "currentPassword");

	private final UserAccess access;

	private final UserChanges changes;

	private final ConsoleForms forms;

	private final CompanyChanges companies;

	private final AccessPolicy policy;

	UsersController(UserAccess access, UserChanges changes, ConsoleForms forms, CompanyChanges companies,
			AccessPolicy policy) {
		this.access = access;
		this.changes = changes;
		this.forms = forms;
		this.companies = companies;
		this.policy = policy;
	}

	@GetMapping("/admin/users")
	ModelAndView list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String company, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String done) {
		Caller caller = Caller.current();
		String filter = (company == null || company.isBlank()) ? null : company.strip();
		return new ModelAndView("console/users").addObject("found", this.access.search(caller, filter, q, page))
			.addObject("q", (q != null) ? q : "")
			.addObject("company", (filter != null) ? filter : "")
			.addObject("companies", choosable(caller))
			.addObject("notice", "deleted".equals(done) ? "The user was deleted." : null);
	}

	/**
	 * The create form; {@code company} picks the company a System-Admin creates in, so that the
	 * Role list offers that company's roles (the console script reloads the list from here).
	 */
	@GetMapping("/admin/users/new")
	ModelAndView newUser(@RequestParam(required = false) @Nullable String company) {
		return form(Caller.current(), NewUserForm.in(company), new FormErrors(), HttpStatus.OK);
	}

	@PostMapping("/admin/users")
	ModelAndView create(NewUserForm form) {
		Caller caller = Caller.current();
		CreateUser command = form.command(this.policy.actsInEveryCompany(caller));
		FormErrors errors = this.forms.check(command);
		if (!errors.isEmpty()) {
			return form(caller, form, errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			User created = this.changes.create(caller, command);
			return new ModelAndView("redirect:/admin/users/" + created.id() + "?done=created");
		}, ConsoleForms.byCode(FIELD_BY_CODE), (refused, status) -> form(caller, form, refused, status));
	}

	/** The create form again, with what was typed (never the password) and what was wrong. */
	private ModelAndView form(Caller caller, NewUserForm form, FormErrors errors, HttpStatus status) {
		String company = (this.policy.actsInEveryCompany(caller) && form.company() != null && !form.company().isBlank())
				? form.company().strip() : caller.company();
		ModelAndView page = new ModelAndView("console/user-new").addObject("form", form.withoutPassword())
			.addObject("companies", choosable(caller))
			.addObject("chosenCompany", company)
			.addObject("roles", this.access.grantableRoles(caller, company))
			.addObject("errors", errors);
		page.setStatus(status);
		return page;
	}

	/** The companies a System-Admin picks from (no one else chooses a company: theirs is implied). */
	private List<Company> choosable(Caller caller) {
		return this.policy.actsInEveryCompany(caller) ? this.companies.readable(caller, null) : List.of();
	}

	/** The create form as submitted; blank fields mean "not given", an unticked box (null) false. */
	record NewUserForm(@Nullable String login, @Nullable String name, @Nullable String password,
			@Nullable String company, @Nullable String role, @Nullable Boolean enabled) {

		static NewUserForm in(@Nullable String company) {
			return new NewUserForm("", "", "", (company != null) ? company : "", "User", true);
		}

		/** The command the form asks for; only a System-Admin chooses the company (else it is the admin's own). */
		CreateUser command(boolean chooseCompany) {
			return new CreateUser(given(this.login), given(this.name), secret(this.password),
					chooseCompany ? given(this.company) : null, given(this.role), Boolean.TRUE.equals(this.enabled));
		}

		NewUserForm withoutPassword() {
			return new NewUserForm(this.login, this.name, "", this.company, this.role, this.enabled);
		}

		@Override
		public String toString() {
			return "NewUserForm[login=" + this.login + ", password=[PROTECTED]]";
		}
	}

	/** A password as typed, spaces and all; empty means "not given". */
	static @Nullable String secret(@Nullable String field) {
		return (field == null || field.isEmpty()) ? null : field;
	}

	static @Nullable String given(@Nullable String field) {
		return (field == null || field.isBlank()) ? null : field.strip();
	}
}
