package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting users and companies from the console: confirmed first, and refused for the reasons the
 * REST API refuses ({@code type: "user"}, {@code type: "company"}), each checked over REST.
 */
class ConsoleDeletionBrowserTests extends BrowserTest {

	@Test
	void whenAdminDeletesAUserThenItCannotSignInAndItsKeyFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		signInAsAdmin();
		open("/admin/users/" + user.id());

		press("#delete-user");
		assertThat(text("h1")).isEqualTo("Delete user " + user.login() + "?");
		assertThat(text("#delete-warning")).contains("cannot be undone");
		press("#confirm-delete");

		assertThat(path()).isEqualTo("/admin/users");
		assertThat(text(".notice")).isEqualTo("The user was deleted.");
		assertFailure(this.api.post("/rest/auth/", Map.of("auth", user.auth())), 401, "auth.failed");
		assertFailure(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key), 401, "auth.failed");
		assertThat(this.directory.asAdmin("read", "user", Map.of("scope", Map.of("id", user.id()))).json()
			.path("numrows").asInt()).isZero();
	}

	@Test
	void whenDeletingIsCancelledThenTheUserStays() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		signInAsAdmin();
		open("/admin/users/" + user.id());

		press("#delete-user");
		press("#cancel");

		assertThat(path()).isEqualTo("/admin/users/" + user.id());
		assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenAdminTriesToDeleteItsOwnAccountThenTheConfirmationSaysWhyNot() {
		long adminId = this.directory.asAdmin("read", "user", Map.of("scope", Map.of("login", Directory.ADMIN_LOGIN)))
			.json().path("values").path(0).path("id").asLong();
		signInAsAdmin();
		open("/admin/users/" + adminId);
		assertThat(findAll("#delete-user")).isEmpty();

		open("/admin/users/" + adminId + "/delete");
		press("#confirm-delete");

		assertThat(text(".form-errors")).isEqualTo("You cannot delete your own account");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).status()).isEqualTo(200);
	}

	@Test
	void whenACompanyAdminOpensTheDeletionOfASystemAdminThenItIsRefused() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		TestUser systemAdmin = this.directory.newUser(company, "System-Admin");
		signIn(companyAdmin);

		open("/admin/users/" + systemAdmin.id() + "/delete");

		assertThat(text("h1")).isEqualTo("403 Forbidden");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", systemAdmin.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenAnEmptyCompanyIsDeletedThenItIsGone() {
		String company = this.directory.newCompany();
		signInAsAdmin();
		open("/admin/companies/" + company);

		press("#delete-company");
		assertThat(text("h1")).isEqualTo("Delete company " + company + "?");
		press("#confirm-delete");

		assertThat(path()).isEqualTo("/admin/companies");
		assertThat(text(".notice")).isEqualTo("The company was deleted.");
		assertThat(text("#companies")).doesNotContain(company);
		assertThat(this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", company))).json()
			.path("numrows").asInt()).isZero();
	}

	@Test
	void whenACompanyStillHasUsersThenDeletingItIsRefusedWithTheReason() {
		String company = this.directory.newCompany();
		this.directory.newUser(company, "User");
		signInAsAdmin();
		open("/admin/companies/" + company + "/delete");

		press("#confirm-delete");

		assertThat(text(".form-errors")).isEqualTo("The company still has users");
		assertThat(this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", company))).json()
			.path("numrows").asInt()).isEqualTo(1);
	}
}
