package com.gatehouse.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

@GatehouseTest
class EnvelopeTests {

	private static final int LIMIT = 64 * 1024;

	@LocalServerPort
	int port;

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

	@Test
	void bodyOverTheLimitIsRefusedWith413() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", paddedBody(LIMIT + 1));

		assertFailure(reply, 413, "request.too_large");
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWith413() {
		Api.Reply reply = postChunked("/rest/ops/read/company", paddedBody(LIMIT + 1));

		assertFailure(reply, 413, "request.too_large");
	}

	@Test
	void bodyOfExactlyTheLimitIsRead() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", paddedBody(LIMIT));

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void deeplyNestedArraysWithinTheLimitAreReadAsEmptyObject() {
		int depth = 32_000;
		String body = Api.JSON.writeValueAsString(Map.of("auth", Directory.adminAuth())).replaceFirst("}$",
				",\"values\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
		assertThat(body.length()).isLessThanOrEqualTo(LIMIT);

		Api.Reply reply = this.api.post("/rest/ops/read/company", body);

		assertFailure(reply, 401, "auth.required");
	}

	@Test
	void hundredThousandDeepNestedArraysAreRefusedByTheSizeLimitNotWith500() {
		int depth = 100_000;

		Api.Reply reply = this.api.post("/rest/ops/read/company", "[".repeat(depth) + "]".repeat(depth));

		assertFailure(reply, 413, "request.too_large");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"scope\":[1]}", "{\"auth\":\"x\"}", "{\"type\":5}", "{\"columns\":\"x\"}",
			"{\"columns\":[1]}", "{\"values\":\"x\"}", "{\"order\":[true]}",
			"{\"auth\":{\"type\":\"auth\",\"username\":5,\"password\":\"x\"}}" })
	void memberOfTheWrongJsonTypeIsMalformed(String body) {
		Api.Reply reply = this.api.post("/rest/ops/read/company", body);

		assertFailure(reply, 400, "request.malformed");
	}

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
	@ValueSource(strings = { "/", "/rest/", "/rest/nothing", "/rest/ops/read/company/extra/segment", "/nothing/here",
			"/index.html", "/login", "/logout", "/error", "/error/x" })
	void randomPathsAreNotFoundAsJson(String path) {
		Api.Reply reply = this.api.post(path, "{}");

		assertFailure(reply, 404, "request.unknown_path");
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

	@Test
	void successAnswerCarriesNoSniffAndNoStoreAndNoServerHeader() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post("/rest/ops/read/company", adminBody(company));

		assertThat(reply.status()).isEqualTo(200);
		assertProtectiveHeaders(reply);
	}

	@Test
	void failureAnswerCarriesNoSniffAndNoStoreAndNoServerHeader() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "{}");

		assertFailure(reply, 401, "auth.required");
		assertProtectiveHeaders(reply);
	}

	@Test
	void notFoundOutsideRestCarriesNoSniffAndNoStoreAndNoServerHeader() {
		Api.Reply reply = this.api.get("/nothing/here");

		assertFailure(reply, 404, "request.unknown_path");
		assertProtectiveHeaders(reply);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/rest/auth/%", "/rest/auth/%zz", "/rest/auth/%00", "/rest/ops/read/company%00",
			"/rest/%2e%2e/auth/", "/rest/auth/;x=%00" })
	void malformedUrlIsAnsweredAsJson(String path) throws IOException {
		Api.Reply reply = RawHttp.send(this.port,
				"POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

		assertFailure(reply, 400, "http.400");
		assertProtectiveHeaders(reply);
	}

	@ParameterizedTest
	@ValueSource(strings = { "xchunked", "gzip, chunked", "chunked, gzip", "identity", "chunked;x",
			"chunked\r\nTransfer-Encoding: chunked" })
	void transferEncodingThatIsNotPlainChunkedIsRefusedWith400AsJson(String encoding) throws IOException {
		Api.Reply reply = RawHttp.send(this.port,
				"POST /rest/auth/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: " + encoding + "\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

		assertThat(reply.status()).as("%s", reply).isBetween(400, 499);
		assertJsonFailureShape(reply);
		assertProtectiveHeaders(reply);
		assertThat(reply.code()).isNotEqualTo("internal");
	}

	private static void assertCompanyRead(Api.Reply reply, String company) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").propertyNames()).containsExactly(company);
	}

	private static void assertFailure(Api.Reply reply, int status, String code) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(status);
		assertJsonFailureShape(reply);
		assertThat(reply.code()).isEqualTo(code);
	}

	private static void assertJsonFailureShape(Api.Reply reply) {
		assertThat(reply.header("Content-Type")).as("%s", reply).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(reply.body().toLowerCase(Locale.ROOT)).doesNotContain("<html", "<!doctype", "exception");
		var json = reply.json();
		assertThat(json.propertyNames()).containsExactly("result", "message", "code");
		assertThat(json.path("result").asString()).isEqualTo("fail");
		assertThat(json.path("message").isString()).isTrue();
		assertThat(json.path("message").asString()).isNotBlank();
		assertThat(json.path("code").isString()).isTrue();
	}

	private static void assertProtectiveHeaders(Api.Reply reply) {
		assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(reply.header("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(reply.header("Server")).isEmpty();
	}

	private static Map<String, Object> adminBody(String company) {
		return Map.of("scope", Map.of("company", company), "auth", Directory.adminAuth());
	}

	/** A JSON object with no credentials, exactly {@code size} bytes long. */
	private static String paddedBody(int size) {
		String start = "{\"type\":\"company\",\"pad\":\"";
		String end = "\"}";
		return start + "x".repeat(size - start.length() - end.length()) + end;
	}

	/** POSTs with no Content-Length, so the body arrives chunked and its size is known only by reading it. */
	private Api.Reply postChunked(String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException | InterruptedException failure) {
			throw new IllegalStateException(failure);
		}
	}
}
