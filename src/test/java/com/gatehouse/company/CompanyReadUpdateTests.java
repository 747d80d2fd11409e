package com.gatehouse.company;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: "company"} read and update over HTTP: open to the System-Admin, and to a
 * Company-Admin whose {@code scope.company} names its own company (rest-api.md §4).
 */
@GatehouseTest
class CompanyReadUpdateTests {

	Api api;

	Directory directory;

	@Test
	void readAsSystemAdminWithoutScopeAnswersEveryCompanyKeyedById() {
		String first = this.directory.newCompany();
		String second = this.directory.newCompany();

		Api.Reply reply = call(Directory.adminAuth(), "read", Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode values = reply.json().path("values");
		assertThat(values.isObject()).isTrue();
		assertThat(values.propertyNames()).contains("default", first, second);
		assertThat(values.path(first).propertyNames()).containsExactly("id", "name", "data");
		assertThat(values.path(first).path("name").asString()).isEqualTo("Company " + first);
		assertThat(values.path(second).path("name").asString()).isEqualTo("Company " + second);
		assertThat(values.path(first).path("id").asLong()).isNotEqualTo(values.path(second).path("id").asLong());
	}

	@Test
	void readWithColumnsAnswersOnlyThoseMembers() {
		String company = this.directory.newCompany();

		Api.Reply reply = call(Directory.adminAuth(), "read",
				Map.of("scope", Map.of("company", company), "columns", List.of("name")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").propertyNames()).containsExactly(company);
		JsonNode row = reply.json().path("values").path(company);
		assertThat(row.propertyNames()).containsExactly("name");
		assertThat(row.path("name").asString()).isEqualTo("Company " + company);
	}

	@Test
	void readAsCompanyAdminNamingItsOwnCompanyAnswersOnlyThatCompany() {
		String company = this.directory.newCompany();
		this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = call(companyAdmin.auth(), "read", Map.of("scope", Map.of("company", company)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").propertyNames()).containsExactly(company);
		assertThat(reply.json().path("values").path(company).path("name").asString()).isEqualTo("Company " + company);
	}

	@Test
	void readAsCompanyAdminNamingAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		String other = this.directory.newCompany();

		assertFailure(call(companyAdmin.auth(), "read", Map.of("scope", Map.of("company", other))), 403,
				"permission.denied");
	}

	@Test
	void readAsCompanyAdminWithoutScopeThenOnlyItsOwnCompany() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");

		Api.Reply reply = call(companyAdmin.auth(), "read", Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").propertyNames()).containsExactly(companyAdmin.company());
	}

	@Test
	void readAsPlainUserOfThatCompanyThenPermissionDenied() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");

		assertFailure(call(user.auth(), "read", Map.of("scope", Map.of("company", company))), 403, "permission.denied");
	}

	@Test
	void updateAsCompanyAdminRenamesItsOwnCompany() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = update(companyAdmin.auth(), company, Map.of("name", "Renamed; Ltd."));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").path(company).path("name").asString()).isEqualTo("Renamed; Ltd.");
		assertThat(adminRead(company).path("name").asString()).isEqualTo("Renamed; Ltd.");
	}

	@Test
	void updateAsCompanyAdminIgnoresFeatureTogglesWithoutRejectingThem() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		Api.Reply reply = update(companyAdmin.auth(), company, Map.of("name", "Toggled", "data", Map.of("recording", true)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode stored = adminRead(company);
		assertThat(stored.path("name").asString()).isEqualTo("Toggled");
		assertThat(stored.path("data").isObject()).isTrue();
		assertThat(stored.path("data").isEmpty()).isTrue();
	}

	@Test
	void updateAsSystemAdminAppliesFeatureToggles() {
		String company = this.directory.newCompany();

		Api.Reply reply = update(Directory.adminAuth(), company, Map.of("data", Map.of("recording", true)));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode stored = adminRead(company);
		assertThat(stored.path("data").propertyNames()).containsExactly("recording");
		assertThat(stored.path("data").path("recording").asBoolean()).isTrue();
		assertThat(stored.path("name").asString()).isEqualTo("Company " + company);
	}

	@Test
	void updateChangingTheIdThenBadRequest() {
		String company = this.directory.newCompany();
		String other = Directory.unique("co");

		assertFailure(update(Directory.adminAuth(), company, Map.of("id", other)), 400, "company.id_immutable");
		assertThat(adminRead(company).path("name").asString()).isEqualTo("Company " + company);
		assertThat(call(Directory.adminAuth(), "read", Map.of("scope", Map.of("company", other))).json()
			.path("values")
			.isEmpty()).isTrue();
	}

	@Test
	void updateAsCompanyAdminOfAnotherCompanyThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		String other = this.directory.newCompany();

		assertFailure(update(companyAdmin.auth(), other, Map.of("name", "Hijacked")), 403, "permission.denied");
		assertThat(adminRead(other).path("name").asString()).isEqualTo("Company " + other);
	}

	@Test
	void updateWithoutScopeCompanyThenScopeRequired() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		assertFailure(call(companyAdmin.auth(), "update", Map.of("values", Map.of("name", "No scope"))), 400,
				"request.scope_required");
	}

	@Test
	void updateOfAnUnknownCompanyAsSystemAdminThenSuccessWithNoRows() {
		Api.Reply reply = update(Directory.adminAuth(), Directory.unique("nothing"), Map.of("name", "Ghost"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void updateWithANameOutsideThePatternThenRequestInvalid() {
		String company = this.directory.newCompany();

		assertFailure(update(Directory.adminAuth(), company, Map.of("name", "<script>")), 400, "request.invalid");
		assertThat(adminRead(company).path("name").asString()).isEqualTo("Company " + company);
	}

	private Api.Reply update(Map<String, Object> auth, String company, Map<String, Object> values) {
		return call(auth, "update", Map.of("scope", Map.of("company", company), "values", values));
	}

	/** The company as the System-Admin reads it. */
	private JsonNode adminRead(String company) {
		Api.Reply reply = call(Directory.adminAuth(), "read", Map.of("scope", Map.of("company", company)));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").propertyNames()).containsExactly(company);
		return reply.json().path("values").path(company);
	}

	private Api.Reply call(Map<String, Object> auth, String verb, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post("/rest/ops/" + verb + "/company", withAuth);
	}

}
