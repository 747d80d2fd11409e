package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Companies pages over plain HTTP: a System-Admin's alone (a Company-Admin is refused as
 * {@code type: "company"} refuses it), creating and editing a company's name and description, and
 * every refused field shown next to itself with what was typed kept.
 */
@GatehouseTest
class CompanyConsoleTests {

	Api api;

	Directory directory;

	FormPosts forms;

	String admin;

	@BeforeEach
	void setUp() {
		this.admin = this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).sessionCookie().orElseThrow();
	}

	@Test
	void whenSystemAdminCreatesAndEditsACompanyThenTheApiSeesNameAndDescription() {
		String handle = Directory.unique("co");

		Api.Reply created = this.forms.post("/admin/companies",
				Map.of("id", handle, "name", "Acme Ltd", "description", "Makes anvils.\r\nShips worldwide."), this.admin,
				this.forms.csrf("/admin/companies/new", this.admin));
		Api.Reply edited = this.forms.post("/admin/companies/" + handle,
				Map.of("name", "Acme Anvils", "description", "Makes anvils."), this.admin,
				this.forms.csrf("/admin/companies/" + handle, this.admin));

		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location").orElseThrow()).endsWith("/admin/companies/" + handle + "?done=created");
		assertThat(edited.status()).isEqualTo(302);
		JsonNode company = this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", handle)))
			.json()
			.path("values")
			.path(handle);
		assertThat(company.path("name").asString()).isEqualTo("Acme Anvils");
		assertThat(company.path("description").asString()).isEqualTo("Makes anvils.");
		assertThat(this.forms.page("/admin/companies", this.admin).body()).contains(handle).contains("Acme Anvils");
	}

	@Test
	void whenCompanyIdIsMalformedThenTheErrorIsNextToItAndTheInputIsKept() {
		Api.Reply reply = this.forms.post("/admin/companies",
				Map.of("id", "no spaces here", "name", "Kept Name", "description", "Kept text"), this.admin,
				this.forms.csrf("/admin/companies/new", this.admin));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("id=\"id-error\"")
			.contains("value=\"no spaces here\"")
			.contains("value=\"Kept Name\"")
			.contains(">Kept text</textarea>");
	}

	@Test
	void whenCompanyIdIsTakenThenTheErrorIsNextToIt() {
		String taken = this.directory.newCompany();

		Api.Reply reply = this.forms.post("/admin/companies", Map.of("id", taken, "name", "Again"), this.admin,
				this.forms.csrf("/admin/companies/new", this.admin));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.body()).contains("id=\"id-error\"").contains("A company with that id already exists");
	}

	@Test
	void whenNameIsEmptiedOnEditThenTheErrorIsNextToItAndNothingChanges() {
		String handle = this.directory.newCompany();

		Api.Reply reply = this.forms.post("/admin/companies/" + handle, Map.of("name", " ", "description", "New text"),
				this.admin, this.forms.csrf("/admin/companies/" + handle, this.admin));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("id=\"name-error\"").contains(">New text</textarea>");
		assertThat(this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", handle)))
			.json()
			.path("values")
			.path(handle)
			.has("description")).isFalse();
	}

	@Test
	void whenCompanyAdminOpensCompaniesThenItIsForbiddenEvenForItsOwn() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));

		assertThat(this.forms.page("/admin/companies", session).status()).isEqualTo(403);
		assertThat(this.forms.page("/admin/companies/" + company, session).status()).isEqualTo(403);
		assertThat(this.forms.page("/admin/companies/" + company, session).body()).doesNotContain("Company " + company);
		assertThat(this.forms.post("/admin/companies/" + company, Map.of("name", "Renamed"), session,
				this.forms.csrf("/admin/account", session)).status()).isEqualTo(403);
	}

	@Test
	void whenCompanyFormHasNoCsrfTokenThenItIsRefusedAndNothingIsCreated() {
		String handle = Directory.unique("co");

		Api.Reply reply = this.forms.post("/admin/companies", Map.of("id", handle, "name", "Forged"), this.admin, null);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(this.forms.page("/admin/companies/" + handle, this.admin).status()).isEqualTo(404);
	}
}
