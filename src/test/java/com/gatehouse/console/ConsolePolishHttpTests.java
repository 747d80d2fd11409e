package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure paths of the console's deletions, the bare host and the audit pages, seen by a plain
 * HTTP client: a deletion without its CSRF token, of what does not exist or is out of reach, and a
 * page number that is none; each an HTML page with its status, never JSON, a stack trace or a change.
 */
@GatehouseTest
class ConsolePolishHttpTests {

	Api api;

	Directory directory;

	FormPosts forms;

	private String adminSession() {
		return this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).sessionCookie().orElseThrow();
	}

	@Test
	void whenTheBareHostIsAskedThenItRedirectsToTheConsole() {
		Api.Reply root = this.api.get("/");

		assertThat(root.status()).isEqualTo(302);
		assertThat(root.header("Location").orElseThrow()).endsWith("/admin/");
	}

	@Test
	void whenADeletionComesWithoutItsCsrfTokenThenItIsRefusedAndNothingIsDeleted() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String company = this.directory.newCompany();
		String session = adminSession();

		Api.Reply userDeletion = this.forms.post("/admin/users/" + user.id() + "/delete", Map.of(), session, null);
		Api.Reply companyDeletion = this.forms.post("/admin/companies/" + company + "/delete", Map.of(), session, null);

		assertThat(userDeletion.status()).isEqualTo(403);
		assertThat(companyDeletion.status()).isEqualTo(403);
		assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
		assertThat(this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", company))).json()
			.path("numrows").asInt()).isEqualTo(1);
	}

	@Test
	void whenTheUserOrCompanyToDeleteDoesNotExistThenThePageSaysSo() {
		String session = adminSession();

		Api.Reply user = this.forms.page("/admin/users/999999999/delete", session);
		Api.Reply company = this.forms.page("/admin/companies/no_such_company/delete", session);
		Api.Reply postUser = this.forms.post("/admin/users/999999999/delete", Map.of(), session,
				this.forms.csrf("/admin/users", session));

		assertThat(user.status()).isEqualTo(404);
		assertThat(user.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(user.body()).contains("There is no such user");
		assertThat(company.status()).isEqualTo(404);
		assertThat(company.body()).contains("There is no such company");
		assertThat(postUser.status()).isEqualTo(404);
	}

	@Test
	void whenACompanyAdminAsksToDeleteACompanyThenItIsForbidden() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		String session = this.directory.login(companyAdmin);

		Api.Reply confirm = this.forms.page("/admin/companies/" + company + "/delete", session);
		Api.Reply delete = this.forms.post("/admin/companies/" + company + "/delete", Map.of(), session,
				this.forms.csrf("/admin/account", session));

		assertThat(confirm.status()).isEqualTo(403);
		assertThat(delete.status()).isEqualTo(403);
		assertThat(this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", company))).json()
			.path("numrows").asInt()).isEqualTo(1);
	}

	@Test
	void whenTheAuditPageNumberIsNoNumberThenThereIsNoSuchPageAndANegativeOneIsTheFirst() {
		String session = adminSession();

		Api.Reply malformed = this.forms.page("/admin/audit?page=abc", session);
		Api.Reply negative = this.forms.page("/admin/audit?page=-3", session);

		assertThat(malformed.status()).isEqualTo(404);
		assertThat(malformed.header("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(negative.status()).isEqualTo(200);
		assertThat(negative.body()).doesNotContain("id=\"newer-events\"");
	}
}
