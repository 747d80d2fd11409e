package com.gatehouse.company;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code type: "company"} create and delete over HTTP (rest-api.md §4). */
@GatehouseTest
class CompanyTests {

	Api api;

	Directory directory;

	@Test
	void createAsSystemAdminAnswersExactlyTheNewCompanyKeyedByItsId() {
		String id = Directory.unique("acme");

		Api.Reply reply = call(Directory.adminAuth(), "/rest/ops/create/company",
				Map.of("type", "company", "values", Map.of("id", id, "name", "Acme, Ltd.")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode json = reply.json();
		assertThat(json.propertyNames()).containsExactly("result", "values");
		assertThat(json.path("result").asString()).isEqualTo("success");
		assertThat(json.path("values").propertyNames()).containsExactly(id);
		JsonNode company = json.path("values").path(id);
		assertThat(company.propertyNames()).containsExactly("id", "name", "data");
		assertThat(company.path("id").isIntegralNumber()).isTrue();
		assertThat(company.path("name").asString()).isEqualTo("Acme, Ltd.");
		assertThat(company.path("data").isObject()).isTrue();
		assertThat(company.path("data").isEmpty()).isTrue();
	}

	@Test
	void createWithTypeOnlyInTheBodyCreatesTheCompany() {
		String id = Directory.unique("acme");

		Api.Reply reply = call(Directory.adminAuth(), "/rest/ops/create",
				Map.of("type", "company", "values", Map.of("id", id, "name", "Body Type")));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(id).path("name").asString()).isEqualTo("Body Type");
	}

	@Test
	void createWhenIdHas32CharactersThenSucceeds() {
		String id = padded(Directory.unique("c"), 32);

		Api.Reply reply = create(Directory.adminAuth(), id, "Long id");

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").propertyNames()).containsExactly(id);
	}

	@Test
	void createWhenIdHas33CharactersThenRequestInvalid() {
		assertInvalid(create(Directory.adminAuth(), padded(Directory.unique("c"), 33), "Too long id"));
	}

	@Test
	void createWhenIdHasADashThenRequestInvalid() {
		assertInvalid(create(Directory.adminAuth(), Directory.unique("acme") + "-x", "Dashed id"));
	}

	@Test
	void createWhenNameHasAnAngleBracketThenRequestInvalid() {
		assertInvalid(create(Directory.adminAuth(), Directory.unique("acme"), "Acme <b>"));
	}

	@Test
	void createWhenNameIsEmptyThenRequestInvalid() {
		assertInvalid(create(Directory.adminAuth(), Directory.unique("acme"), ""));
	}

	@Test
	void createWhenIdIsMissingThenRequestInvalid() {
		assertInvalid(call(Directory.adminAuth(), "/rest/ops/create/company", Map.of("values", Map.of("name", "No id"))));
	}

	@Test
	void createWhenNameIsMissingThenRequestInvalid() {
		String id = Directory.unique("acme");

		assertInvalid(call(Directory.adminAuth(), "/rest/ops/create/company", Map.of("values", Map.of("id", id))));
		assertThat(read(id).path("values").isEmpty()).isTrue();
	}

	@Test
	void createWhenIdExistsThenConflict() {
		String id = this.directory.newCompany();

		assertFailure(create(Directory.adminAuth(), id, "Again"), 409, "company.exists");
	}

	@Test
	void createAsCompanyAdminThenPermissionDenied() {
		TestUser companyAdmin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		String id = Directory.unique("acme");

		assertFailure(create(companyAdmin.auth(), id, "Not allowed"), 403, "permission.denied");
		assertThat(read(id).path("values").isEmpty()).isTrue();
	}

	@Test
	void deleteAsCompanyAdminOfThatCompanyThenPermissionDenied() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");

		assertFailure(delete(companyAdmin.auth(), company), 403, "permission.denied");
		assertThat(read(company).path("values").propertyNames()).containsExactly(company);
	}

	@Test
	void deleteWhenCompanyHasUsersThenInUse() {
		String company = this.directory.newCompany();
		this.directory.newUser(company, "User");

		assertFailure(delete(Directory.adminAuth(), company), 409, "company.in_use");
		assertThat(read(company).path("values").propertyNames()).containsExactly(company);
	}

	@Test
	void deleteOfAnEmptyCompanyThenSucceedsAndItIsGoneFromRead() {
		String company = this.directory.newCompany();

		Api.Reply reply = delete(Directory.adminAuth(), company);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("result");
		assertThat(reply.result()).isEqualTo("success");
		JsonNode all = read(null);
		assertThat(all.path("result").asString()).isEqualTo("success");
		assertThat(all.path("values").has(company)).isFalse();
	}

	@Test
	void deleteOfAnUnknownCompanyThenSuccess() {
		Api.Reply reply = delete(Directory.adminAuth(), Directory.unique("nothing"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
	}

	private Api.Reply create(Map<String, Object> auth, String id, String name) {
		return call(auth, "/rest/ops/create/company", Map.of("values", Map.of("id", id, "name", name)));
	}

	private Api.Reply delete(Map<String, Object> auth, String company) {
		return call(auth, "/rest/ops/delete/company", Map.of("scope", Map.of("company", company)));
	}

	/** The System-Admin's read of one company, or of all when {@code company} is null. */
	private JsonNode read(String company) {
		Map<String, Object> body = (company != null) ? Map.of("scope", Map.of("company", company)) : Map.of();
		Api.Reply reply = call(Directory.adminAuth(), "/rest/ops/read/company", body);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json();
	}

	private Api.Reply call(Map<String, Object> auth, String path, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post(path, withAuth);
	}

	private static String padded(String prefix, int length) {
		return prefix + "x".repeat(length - prefix.length());
	}

	private static void assertInvalid(Api.Reply reply) {
		assertFailure(reply, 400, "request.invalid");
	}

}
