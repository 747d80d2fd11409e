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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a call finds its handler (rest-api.md §1-2): the type on the path, in the body or both (agreeing),
 * a trailing slash or none; an unknown type, verb, section or path and the wrong HTTP method are each
 * a JSON failure of their own, and {@code /logout} outside /rest/ is nothing but a 404.
 */
@GatehouseTest
class EnvelopeRoutingTests {

	Api api;

	Directory directory;

	@Test
	void typeOnThePathAndInTheBodyDifferingIsAConflict() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", Map.of("type", "user", "auth", Directory.adminAuth()));

		assertFailure(reply, 400, "request.type_conflict");
	}

	@Test
	void typeOnThePathAndInTheBodyAgreeingWorks() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post("/rest/ops/read/company",
				Map.of("type", "company", "scope", Map.of("company", company), "auth", Directory.adminAuth()));

		assertCompanyRead(reply, company);
	}

	@Test
	void typeInTheBodyOnlyWorks() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post("/rest/ops/read",
				Map.of("type", "company", "scope", Map.of("company", company), "auth", Directory.adminAuth()));

		assertCompanyRead(reply, company);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/rest/ops/read", "/rest/ops/read/" })
	void noTypeAnywhereIsRequired(String path) {
		Api.Reply reply = this.api.post(path, Map.of("auth", Directory.adminAuth()));

		assertFailure(reply, 400, "request.type_required");
	}

	@Test
	void unknownTypeIsNotFound() {
		Api.Reply reply = this.api.post("/rest/ops/read/nosuchtype", Map.of("auth", Directory.adminAuth()));

		assertFailure(reply, 404, "request.unknown_type");
	}

	@Test
	void unknownVerbIsNotFound() {
		Api.Reply reply = this.api.post("/rest/ops/fetch/company", Map.of("auth", Directory.adminAuth()));

		assertFailure(reply, 404, "request.unknown_verb");
	}

	@Test
	void unknownSectionIsNotFound() {
		Api.Reply reply = this.api.post("/rest/call/read",
				Map.of("type", "cdr", "scope", Map.of("minDate", 0), "auth", Directory.adminAuth()));

		assertFailure(reply, 404, "request.unknown_path");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/rest/", "/rest/nothing", "/rest/ops/read/company/extra/segment", "/nothing/here",
			"/index.html", "/login", "/logout", "/error", "/error/x" })
	void randomPathsAreNotFoundAsJson(String path) {
		Api.Reply reply = this.api.post(path, "{}");

		assertFailure(reply, 404, "request.unknown_path");
	}

	/** {@code /} leads a browser to the console (GET only); anything else sent there is a JSON failure. */
	@Test
	void postToTheRootIsAJsonMethodFailure() {
		Api.Reply reply = this.api.post("/", "{}");

		assertFailure(reply, 405, "http.405");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "POST" })
	void logoutOutsideRestIsNotFoundAndLeavesTheSessionAlone(String method) {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "User"));

		Api.Reply reply = this.api.send(method, "/logout", "", "Cookie", Api.COOKIE + "=" + session);

		assertFailure(reply, 404, "request.unknown_path");
		assertThat(this.api.postWithCookie("/rest/auth/", "{}", session).status()).isEqualTo(200);
	}

	@Test
	void getOnLoginIsTheWrongMethod() {
		Api.Reply reply = this.api.get("/rest/auth/");

		assertFailure(reply, 405, "request.method");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "DELETE", "PATCH", "GET" })
	void otherMethodsOnOpsAreTheWrongMethod(String method) {
		Api.Reply reply = this.api.send(method, "/rest/ops/read/user", "{}", "Content-Type", "application/json");

		assertFailure(reply, 405, "request.method");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/rest/ops/read/company", "/rest/ops/read/company/" })
	void pathWorksWithAndWithoutTrailingSlash(String path) {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post(path, adminBody(company));

		assertCompanyRead(reply, company);
	}
}
