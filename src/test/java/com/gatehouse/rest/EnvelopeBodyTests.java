package com.gatehouse.rest;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;

import static com.gatehouse.rest.EnvelopeReplies.adminBody;
import static com.gatehouse.rest.EnvelopeReplies.assertCompanyRead;
import static com.gatehouse.rest.EnvelopeReplies.assertFailure;

/**
 * How /rest/ reads a body (rest-api.md §1): once, leniently, whatever the content type says. JSON sent
 * as text/plain, form-encoded or without a type works; anything that is not a JSON object (garbage,
 * an empty body, an array, a form) reads as {@code {}} and so carries no credentials; a known member
 * of the wrong JSON kind is {@code request.malformed}.
 */
@GatehouseTest
class EnvelopeBodyTests {

	Api api;

	Directory directory;

	@Test
	void unparseableBodyIsReadAsEmptyObject() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "{\"auth\": {\"type\": \"auth\", nope");

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void emptyBodyIsReadAsEmptyObject() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "");

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void jsonArrayBodyIsReadAsEmptyObjectEvenWhenItHoldsCredentials() {
		String array = "[" + Api.JSON.writeValueAsString(Map.of("auth", Directory.adminAuth())) + "]";

		Api.Reply reply = this.api.post("/rest/ops/read/company", array);

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void jsonBodySentAsTextPlainAuthenticatesAndWorks() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post("/rest/ops/read/company", adminBody(company), "Content-Type", "text/plain");

		assertCompanyRead(reply, company);
	}

	@Test
	void jsonBodySentWithoutContentTypeAuthenticatesAndWorks() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.send("POST", "/rest/ops/read/company", Api.JSON.writeValueAsString(adminBody(company)));

		assertCompanyRead(reply, company);
	}

	@Test
	void garbageSentAsTextPlainIsReadAsEmptyObject() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "garbage", "Content-Type", "text/plain");

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void jsonBodySentAsFormEncodedAuthenticatesAndWorks() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post("/rest/ops/read/company", adminBody(company), "Content-Type",
				"application/x-www-form-urlencoded");

		assertCompanyRead(reply, company);
	}

	@Test
	void formEncodedBodyIsReadAsEmptyObject() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "auth=admin&password=x", "Content-Type",
				"application/x-www-form-urlencoded");

		assertFailure(reply, 401, "auth.required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"scope\":[1]}", "{\"auth\":\"x\"}", "{\"type\":5}", "{\"columns\":\"x\"}",
			"{\"columns\":[1]}", "{\"values\":\"x\"}", "{\"order\":[true]}",
			"{\"auth\":{\"type\":\"auth\",\"username\":5,\"password\":\"x\"}}" })
	void memberOfTheWrongJsonTypeIsMalformed(String body) {
		Api.Reply reply = this.api.post("/rest/ops/read/company", body);

		assertFailure(reply, 400, "request.malformed");
	}
}
