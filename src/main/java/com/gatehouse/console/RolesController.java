package com.gatehouse.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.company.Company;
import com.gatehouse.company.CompanyChanges;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Grant;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.role.ChangeRole;
import com.gatehouse.role.CreateRole;
import com.gatehouse.role.Role;
import com.gatehouse.role.RoleChanges;

/**
 * The Roles pages: the roles an admin may read (a System-Admin all, a Company-Admin the global ones
 * and its company's), creating one, and changing a role's name and permissions. Every rule is
 * {@link RoleChanges}', as for {@code type: "role"}: a role the admin may not see is 404, and a
 * grant wider than the admin's own is refused next to the permission it concerns.
 */
@Controller
final class RolesController {

	private static final Map<String, String> FIELD_BY_CODE = Map.of("role.exists", "name", "company.unknown", "company");

	private final RoleChanges roles;

	private final CompanyChanges companies;

	private final ConsoleForms forms;

	private final AccessPolicy policy;

	RolesController(RoleChanges roles, CompanyChanges companies, ConsoleForms forms, AccessPolicy policy) {
		this.roles = roles;
		this.companies = companies;
		this.forms = forms;
		this.policy = policy;
	}

	@GetMapping("/admin/roles")
	ModelAndView list(@RequestParam(required = false) @Nullable String done) {
		return new ModelAndView("console/roles").addObject("roles", this.roles.readable(Caller.current(), null, null, null))
			.addObject("notice", "deleted".equals(done) ? "The role was deleted." : null);
	}

	@GetMapping("/admin/roles/new")
	ModelAndView newRole() {
		Caller caller = Caller.current();
		// Only an admin makes roles: the decision point refuses anyone else as it refuses reading them.
		this.policy.requireAdminOf(caller, caller.company(), "role.read");
		String company = this.policy.actsInEveryCompany(caller) ? "" : caller.company();
		return page(caller, null, RoleForm.empty(company, offered(caller)), new FormErrors(), HttpStatus.OK);
	}

	@PostMapping("/admin/roles")
	ModelAndView create(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String company,
			@RequestParam(name = "permName", required = false) @Nullable List<String> names,
			@RequestParam(name = "permGrant", required = false) @Nullable List<String> grants) {
		Caller caller = Caller.current();
		String chosen = this.policy.actsInEveryCompany(caller) ? company : caller.company();
		RoleForm form = RoleForm.of(name, chosen, null, names, grants);
		FormErrors errors = this.forms.check(form.create(new FormErrors()), form::fieldAt);
		CreateRole command = form.create(errors);
		if (!errors.isEmpty()) {
			return page(caller, null, form, errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			Role created = this.roles.create(caller, command);
			return new ModelAndView("redirect:/admin/roles/" + created.id() + "?done=created");
		}, (failure) -> refused(caller, form, command.grants(), failure),
				(refused, status) -> page(caller, null, form, refused, status));
	}

	@GetMapping("/admin/roles/{id}")
	ModelAndView edit(@PathVariable long id, @RequestParam(required = false) @Nullable String done) {
		Caller caller = Caller.current();
		Role role = this.roles.visible(caller, id);
		return page(caller, role, RoleForm.of(role, offered(caller)), new FormErrors(), HttpStatus.OK).addObject("notice",
				"created".equals(done) ? "The role was created." : "saved".equals(done) ? "The role was saved." : null);
	}

	@PostMapping("/admin/roles/{id}")
	ModelAndView update(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(name = "permName", required = false) @Nullable List<String> names,
			@RequestParam(name = "permGrant", required = false) @Nullable List<String> grants) {
		Caller caller = Caller.current();
		Role role = this.roles.changeable(caller, id);
		RoleForm form = RoleForm.of(name, (role.company() != null) ? role.company() : "", version, names, grants);
		FormErrors errors = this.forms.check(form.change(new FormErrors()), form::fieldAt);
		ChangeRole command = form.change(errors);
		if (command.name() == null) {
			errors.field("name", "Enter the role's name");
		}
		if (!errors.isEmpty()) {
			return page(caller, role, form, errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			this.roles.update(caller, role, command);
			return new ModelAndView("redirect:/admin/roles/" + id + "?done=saved");
		}, (failure) -> refused(caller, form, Objects.requireNonNull(command.grants()), failure),
				(refused, status) -> page(caller, role, form, refused, status));
	}

	@PostMapping("/admin/roles/{id}/delete")
	String delete(@PathVariable long id) {
		Caller caller = Caller.current();
		this.roles.delete(caller, this.roles.changeable(caller, id));
		return "redirect:/admin/roles?done=deleted";
	}

	/**
	 * A refused change as form errors: each permission wider than the admin may grant next to its
	 * row (the service refused it as 403 and recorded the denial), an input failure by its field;
	 * anything else is the error page.
	 */
	private FormErrors refused(Caller caller, RoleForm form, Map<String, Grant> grants, RestFailure failure) {
		Set<String> tooWide = (failure.status() == HttpStatus.FORBIDDEN) ? this.roles.tooWide(caller, grants) : Set.of();
		if (!tooWide.isEmpty()) {
			FormErrors errors = new FormErrors();
			tooWide.forEach((perm) -> errors.field(form.fieldOf(perm), "You cannot grant '" + perm
					+ "' this widely: no wider than you hold it yourself (or \"company\" in your own company)"));
			return errors;
		}
		return ConsoleForms.byCode(FIELD_BY_CODE).apply(failure);
	}

	/** The permission names the form lists: those the admin holds itself, the ones it could grant. */
	private static Set<String> offered(Caller caller) {
		return caller.perms().grants().keySet();
	}

	private ModelAndView page(Caller caller, @Nullable Role role, RoleForm form, FormErrors errors, HttpStatus status) {
		List<String> companyChoices = (role == null && this.policy.actsInEveryCompany(caller))
				? this.companies.readable(caller, null).stream().map(Company::handle).toList() : List.of();
		ModelAndView page = new ModelAndView("console/role").addObject("role", role)
			.addObject("form", form)
			.addObject("grants", RoleForm.grants())
			.addObject("companies", companyChoices)
			.addObject("editable", role == null || this.roles.mayChange(caller, role))
			.addObject("errors", errors);
		page.setStatus(status);
		return page;
	}
}
