package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Create a user" form seen by a plain HTTP client (a browser without JavaScript): the Role
 * list offers the roles of the company picked ({@code ?company=}), and a role the chosen company
 * lacks is refused next to the Role field, with that company's roles offered instead.
 */
@GatehouseTest
class UserCreationConsoleTests {

	Api api;

	Directory directory;

	FormPosts forms;

	private String adminSession() {
		return this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).sessionCookie().orElseThrow();
	}

	/** A new company with a role of its own; answers the company, the role is named after it. */
	private String companyWithOwnRole() {
		String company = this.directory.newCompany();
		this.directory.asAdmin("create", "role", Map.of("values",
				Map.of("name", ownRole(company), "company", company, "perms", Map.of("cdr.read", "company"))));
		return company;
	}

	private static String ownRole(String company) {
		return "Role-of-" + company;
	}

	private static String option(String role) {
		return "<option value=\"" + role + "\"";
	}

	@Test
	void whenASystemAdminPicksACompanyThenTheRoleListOffersThatCompanysRoles() {
		String picked = companyWithOwnRole();
		String other = companyWithOwnRole();
		String session = adminSession();

		Api.Reply plain = this.forms.page("/admin/users/new", session);
		Api.Reply forPicked = this.forms.page("/admin/users/new?company=" + picked, session);

		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.body()).contains(option("User")).doesNotContain(option(ownRole(picked)));
		assertThat(forPicked.status()).isEqualTo(200);
		assertThat(forPicked.body()).contains(option("User"))
			.contains(option(ownRole(picked)))
			.doesNotContain(option(ownRole(other)))
			.containsPattern("<option value=\"" + picked + "\" selected=\"selected\"");
	}

	@Test
	void whenACompanyAdminAsksForAnotherCompanyThenItStillSeesOnlyItsOwnRoles() {
		String home = companyWithOwnRole();
		String stranger = companyWithOwnRole();
		TestUser companyAdmin = this.directory.newUser(home, "Company-Admin");
		String session = this.directory.login(companyAdmin);

		Api.Reply page = this.forms.page("/admin/users/new?company=" + stranger, session);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(option(ownRole(home)))
			.doesNotContain(option(ownRole(stranger)))
			.doesNotContain("id=\"company\"");
	}

	@Test
	void whenTheRoleIsNotOneOfTheChosenCompanysThenItIsRefusedNextToRoleAndNoUserIsMade() {
		String chosen = companyWithOwnRole();
		String elsewhere = companyWithOwnRole();
		String session = adminSession();
		String login = Directory.unique("wrongrole");

		Api.Reply reply = this.forms.post("/admin/users",
				Map.of("login", login, "password", "long-enough-password", "company", chosen, "role",
						ownRole(elsewhere), "enabled", "true"),
				session, this.forms.csrf("/admin/users/new", session));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("id=\"role-error\"")
			.contains("There is no role &#39;" + ownRole(elsewhere) + "&#39; in company &#39;" + chosen + "&#39;")
			.contains(option(ownRole(chosen)))
			.doesNotContain(option(ownRole(elsewhere)))
			.contains("value=\"" + login + "\"");
		assertThat(this.directory.asAdmin("read", "user", Map.of("scope", Map.of("login", login))).json()
			.path("numrows").asInt()).isZero();
	}
}
