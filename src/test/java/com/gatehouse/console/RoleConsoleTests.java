package com.gatehouse.console;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Roles pages over plain HTTP: a Company-Admin creates and changes its company's roles within
 * its own grants, a wider grant is refused next to its row, another company's role is 404 whatever
 * the URL says, and a form without its CSRF token changes nothing.
 */
@GatehouseTest
class RoleConsoleTests {

	private static final Pattern LOCATION_ID = Pattern.compile("/admin/roles/(\\d+)");

	Api api;

	Directory directory;

	FormPosts forms;

	@Test
	void whenCompanyAdminCreatesRoleThenTheApiSeesItInItsCompany() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		String name = Directory.unique("Support");

		Api.Reply reply = this.forms.post("/admin/roles", roleForm(name, "tickets", "company"), session,
				this.forms.csrf("/admin/roles/new", session));

		assertThat(reply.status()).isEqualTo(302);
		long id = idIn(reply.header("Location").orElseThrow());
		JsonNode row = readRole(id);
		assertThat(row.path("name").asString()).isEqualTo(name);
		assertThat(row.path("company").asString()).isEqualTo(company);
		assertThat(row.path("perms").path("tickets").asString()).isEqualTo("company");
		assertThat(this.forms.page("/admin/roles", session).body()).contains(name);
	}

	@Test
	void whenGrantIsWiderThanTheAdminsOwnThenItIsRefusedNextToItsRowAndTheInputIsKept() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		String name = Directory.unique("Wide");

		Api.Reply reply = this.forms.post("/admin/roles", roleForm(name, "billing", "yes"), session,
				this.forms.csrf("/admin/roles/new", session));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.body()).contains("id=\"perm-0-error\"")
			.contains("You cannot grant &#39;billing&#39; this widely")
			.contains("value=\"" + name + "\"")
			.contains("value=\"billing\"");
		assertThat(this.directory.asAdmin("read", "role", Map.of("scope", Map.of("name", name, "company", company)))
			.json()
			.path("values")
			.isEmpty()).isTrue();
	}

	@Test
	void whenCompanyAdminEditsItsRoleThenNameAndPermsChange() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		long id = createRole(company, Directory.unique("Desk"), "tickets", "company");
		String renamed = Directory.unique("Helpdesk");

		Api.Reply reply = this.forms.post("/admin/roles/" + id, roleForm(renamed, "reports", "company"), session,
				this.forms.csrf("/admin/roles/" + id, session));

		assertThat(reply.status()).isEqualTo(302);
		JsonNode row = readRole(id);
		assertThat(row.path("name").asString()).isEqualTo(renamed);
		assertThat(RoleConsoleTests.permNames(row)).containsExactly("reports");
	}

	@Test
	void whenTheRoleChangedSinceTheFormWasOpenedThenSavingIsRefusedAndTheColleaguesChangeStays() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		long id = createRole(company, Directory.unique("Desk"), "tickets", "company");
		String openedAt = readRole(id).path("version").asString();
		this.directory.asAdmin("update", "role",
				Map.of("scope", Map.of("id", id), "values", Map.of("perms", Map.of("reports", "company"))));

		Map<String, String> form = new java.util.HashMap<>(roleForm(Directory.unique("Mine"), "tickets", "company"));
		form.put("version", openedAt);
		Api.Reply reply = this.forms.post("/admin/roles/" + id, form, session, this.forms.csrf("/admin/roles/" + id, session));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.body()).contains("The role was changed since it was read");
		assertThat(RoleConsoleTests.permNames(readRole(id))).containsExactly("reports");
	}

	@Test
	void whenCompanyAdminNamesAnotherCompanysRoleInTheUrlThenItIs404AndUnchanged() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		String otherName = Directory.unique("Theirs");
		long theirs = createRole(this.directory.newCompany(), otherName, "tickets", "company");

		Api.Reply page = this.forms.page("/admin/roles/" + theirs, session);
		Api.Reply post = this.forms.post("/admin/roles/" + theirs, roleForm("Taken", "tickets", "company"), session,
				this.forms.csrf("/admin/roles", session));

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("There is no such role").doesNotContain(otherName);
		assertThat(post.status()).isEqualTo(404);
		assertThat(readRole(theirs).path("name").asString()).isEqualTo(otherName);
	}

	@Test
	void whenRoleNameIsTakenThenTheErrorIsNextToTheName() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));

		Api.Reply reply = this.forms.post("/admin/roles", roleForm("user", "tickets", "company"), session,
				this.forms.csrf("/admin/roles/new", session));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.body()).contains("id=\"name-error\"").contains("A role with that name already exists");
	}

	@Test
	void whenPermissionNameIsMalformedThenTheErrorIsNextToItsRow() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));

		Api.Reply reply = this.forms.post("/admin/roles", roleForm(Directory.unique("Odd"), "Not A Name!", "company"),
				session, this.forms.csrf("/admin/roles/new", session));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("id=\"perm-0-error\"").contains("value=\"Not A Name!\"");
	}

	@Test
	void whenAGrantNamesNoPermissionAndTheNameIsEmptyThenBothErrorsAreNextToTheirFields() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));

		Api.Reply reply = this.forms.post("/admin/roles", roleForm("", "", "company"), session,
				this.forms.csrf("/admin/roles/new", session));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("id=\"perm-0-error\"")
			.contains("Name the permission to grant")
			.contains("id=\"name-error\"");
	}

	@Test
	void whenRoleFormHasNoCsrfTokenThenItIsRefusedAndNothingIsCreated() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		String name = Directory.unique("Forged");

		Api.Reply reply = this.forms.post("/admin/roles", roleForm(name, "tickets", "company"), session, null);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.body()).contains("The form was refused");
		assertThat(this.forms.page("/admin/roles", session).body()).doesNotContain(name);
	}

	@Test
	void whenPlainUserOpensRolesThenItIsForbidden() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "User"));

		assertThat(this.forms.page("/admin/roles", session).status()).isEqualTo(403);
		assertThat(this.forms.page("/admin/roles/new", session).status()).isEqualTo(403);
	}

	@Test
	void whenBuiltInRoleIsOpenedThenItIsShownReadOnly() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "Company-Admin"));
		long user = this.directory.asAdmin("read", "role", Map.of("scope", Map.of("name", "User")))
			.json()
			.path("values")
			.path(0)
			.path("id")
			.asLong();

		Api.Reply page = this.forms.page("/admin/roles/" + user, session);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Built-in roles cannot be changed").contains("<fieldset disabled");
	}

	private long createRole(String company, String name, String perm, String grant) {
		return this.directory
			.asAdmin("create", "role", Map.of("values", Map.of("name", name, "company", company, "perms", Map.of(perm, grant))))
			.json()
			.path("values")
			.path(0)
			.path("id")
			.asLong();
	}

	private JsonNode readRole(long id) {
		return this.directory.asAdmin("read", "role", Map.of("scope", Map.of("id", id))).json().path("values").path(0);
	}

	/** A role form with one permission row, as the page sends it. */
	static Map<String, String> roleForm(String name, String perm, String grant) {
		return Map.of("name", name, "permName", perm, "permGrant", grant);
	}

	static java.util.List<String> permNames(JsonNode role) {
		return role.path("perms").propertyNames().stream().toList();
	}

	private static long idIn(String location) {
		Matcher id = LOCATION_ID.matcher(location);
		assertThat(id.find()).as(location).isTrue();
		return Long.parseLong(id.group(1));
	}
}
