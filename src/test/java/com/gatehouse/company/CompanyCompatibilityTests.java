package com.gatehouse.company;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.Documented;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company page of the public IPCortex documentation (rest-api.md §5): each documented request,
 * sent as printed, gets the documented reply. A new documented example is a new test here.
 */
@GatehouseTest
class CompanyCompatibilityTests {

	static final String CREATE = """
			{"type":"company","values":{"company":"testcompany","name":"My Test Company","description":"optional"}}""";

	static final String READ = """
			{"type":"company","scope":{"company":"testcompany"}}""";

	static final String UPDATE = """
			{"type":"company","scope":{"company":"testcompany"},"values":{"name":"New Name"}}""";

	@LocalServerPort
	int port;

	Api api;

	Documented documented;

	String company;

	String[] admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.company = Directory.unique("testcompany");
		this.documented = new Documented(this.api, Map.of("testcompany", this.company));
		this.admin = Documented.cookie(Documented.adminSession(this.api));
	}

	@Test
	void documentedCreateAnswersTheNewCompanyKeyedByItsId() {
		Api.Reply reply = this.documented.post("/rest/ops/create/", CREATE, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").propertyNames()).containsExactly(this.company);
		assertDocumentedCompany(reply.json().path("values").path(this.company), "My Test Company");
	}

	@Test
	void documentedReadAnswersTheCompanyKeyedByItsId() {
		this.documented.post("/rest/ops/create/", CREATE, this.admin);

		Api.Reply reply = this.documented.post("/rest/ops/read/", READ, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").propertyNames()).containsExactly(this.company);
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(1);
		assertDocumentedCompany(reply.json().path("values").path(this.company), "My Test Company");
	}

	@Test
	void documentedUpdateRenamesTheCompany() {
		this.documented.post("/rest/ops/create/", CREATE, this.admin);

		Api.Reply reply = this.documented.post("/rest/ops/update/", UPDATE, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertDocumentedCompany(reply.json().path("values").path(this.company), "New Name");
		assertDocumentedCompany(this.documented.post("/rest/ops/read/", READ, this.admin).json().path("values")
			.path(this.company), "New Name");
	}

	@Test
	void documentedReadOfACompanyThatDoesNotExistAnswersSuccessWithNoRows() {
		Api.Reply reply = this.documented.post("/rest/ops/read/", READ, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").isEmpty()).isTrue();
		assertThat(reply.json().path("numrows").asInt()).isZero();
	}

	@Test
	void createNamingTheCompanyByItsOlderNameValuesIdStillWorks() {
		Api.Reply reply = this.documented.post("/rest/ops/create/", """
				{"type":"company","values":{"id":"testcompany","name":"My Test Company"}}""", this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").propertyNames()).containsExactly(this.company);
	}

	/** The documented value of one company: {@code {"id":<number>,"name":..,"data":{...}}}. */
	private static void assertDocumentedCompany(JsonNode company, String name) {
		assertThat(company.path("id").isIntegralNumber()).as("%s", company).isTrue();
		assertThat(company.path("name").asString()).isEqualTo(name);
		assertThat(company.path("data").isObject()).as("%s", company).isTrue();
	}
}
