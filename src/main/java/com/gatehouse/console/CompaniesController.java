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

import com.gatehouse.company.Company;
import com.gatehouse.company.CompanyChanges;
import com.gatehouse.company.CompanyValues;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.OnCreate;

/**
 * The Companies pages, for a System-Admin only: every company, creating one, changing a
 * company's name and description, and deleting one (confirmed; refused, 409, while it still has
 * users). Every rule is {@link CompanyChanges}', as for
 * {@code type: "company"}; anyone else is refused by it (403) before anything is read.
 */
@Controller
final class CompaniesController {

	private static final Map<String, String> FIELD_BY_CODE = Map.of("company.exists", "id");

	private final CompanyChanges companies;

	private final ConsoleForms forms;

	private final AccessPolicy policy;

	CompaniesController(CompanyChanges companies, ConsoleForms forms, AccessPolicy policy) {
		this.companies = companies;
		this.forms = forms;
		this.policy = policy;
	}

	@GetMapping("/admin/companies")
	ModelAndView list(@RequestParam(required = false) @Nullable String done) {
		return new ModelAndView("console/companies").addObject("companies", this.companies.readable(systemAdmin(), null))
			.addObject("notice", "deleted".equals(done) ? "The company was deleted." : null);
	}

	@GetMapping("/admin/companies/new")
	ModelAndView newCompany() {
		systemAdmin();
		return page(null, new CompanyForm("", "", ""), new FormErrors(), HttpStatus.OK);
	}

	@PostMapping("/admin/companies")
	ModelAndView create(CompanyForm form) {
		Caller caller = systemAdmin();
		CompanyValues values = form.values();
		FormErrors errors = this.forms.check(values, OnCreate.class);
		if (!errors.isEmpty()) {
			return page(null, form, errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			Company created = this.companies.create(caller, values);
			return new ModelAndView("redirect:/admin/companies/" + created.handle() + "?done=created");
		}, ConsoleForms.byCode(FIELD_BY_CODE), (refused, status) -> page(null, form, refused, status));
	}

	@GetMapping("/admin/companies/{handle}")
	ModelAndView edit(@PathVariable String handle, @RequestParam(required = false) @Nullable String done) {
		Company company = this.companies.one(systemAdmin(), handle);
		return page(company, new CompanyForm(company.handle(), company.name(), company.description()), new FormErrors(),
				HttpStatus.OK)
			.addObject("notice", "created".equals(done) ? "The company was created."
					: "saved".equals(done) ? "The company was saved." : null);
	}

	@PostMapping("/admin/companies/{handle}")
	ModelAndView update(@PathVariable String handle, CompanyForm form) {
		Caller caller = systemAdmin();
		Company company = this.companies.one(caller, handle);
		CompanyValues values = new CompanyValues(null, form.values().name(), form.values().description(), null);
		FormErrors errors = this.forms.check(values);
		if (values.name() == null) {
			errors.field("name", "Enter the company's name");
		}
		if (!errors.isEmpty()) {
			return page(company, form, errors, HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> {
			this.companies.update(caller, handle, values);
			return new ModelAndView("redirect:/admin/companies/" + handle + "?done=saved");
		}, ConsoleForms.byCode(FIELD_BY_CODE), (refused, status) -> page(company, form, refused, status));
	}

	@GetMapping("/admin/companies/{handle}/delete")
	ModelAndView confirmDelete(@PathVariable String handle) {
		return deletion(this.companies.one(systemAdmin(), handle)).page();
	}

	@PostMapping("/admin/companies/{handle}/delete")
	ModelAndView delete(@PathVariable String handle) {
		Caller caller = systemAdmin();
		return deletion(this.companies.one(caller, handle)).submit(() -> {
			this.companies.delete(caller, handle);
			return new ModelAndView("redirect:/admin/companies?done=deleted");
		});
	}

	private static DeleteConfirmation deletion(Company company) {
		return new DeleteConfirmation("Delete company " + company.handle(),
				"Its roles go with it. A company that still has users cannot be deleted: delete them first."
						+ " This cannot be undone.",
				"/admin/companies/" + company.handle() + "/delete", "/admin/companies/" + company.handle(), "companies");
	}

	/**
	 * The caller, if a System-Admin: the Companies pages are theirs alone. The decision point refuses
	 * anyone else as it refuses listing every company ({@code company.read}), recorded like any denial.
	 */
	private Caller systemAdmin() {
		Caller caller = Caller.current();
		this.policy.requireSystemAdmin(caller, "company.read");
		return caller;
	}

	private static ModelAndView page(@Nullable Company company, CompanyForm form, FormErrors errors, HttpStatus status) {
		ModelAndView page = new ModelAndView("console/company").addObject("company", company)
			.addObject("form", form)
			.addObject("errors", errors);
		page.setStatus(status);
		return page;
	}

	/** The company form as typed; a blank id or name is "not given", a blank description is none. */
	record CompanyForm(@Nullable String id, @Nullable String name, @Nullable String description) {

		CompanyValues values() {
			return new CompanyValues(UsersController.given(this.id), UsersController.given(this.name),
					(this.description != null) ? this.description.strip() : "", null);
		}

	}
}
