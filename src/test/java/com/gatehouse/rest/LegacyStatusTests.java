package com.gatehouse.rest;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

@GatehouseTest
@TestPropertySource(properties = "gatehouse.rest.legacy-status=true")
class LegacyStatusTests {

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	@Test
	void missingCredentialsAnswer200WithFailAndCode() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "{}");

		assertLegacyFailure(reply, "auth.required");
	}

	@Test
	void badCredentialsAnswer200WithFailAndCode() {
		Api.Reply reply = this.api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", Directory.unique("nobody"), "password", "wrong-password")));

		assertLegacyFailure(reply, "auth.failed");
	}

	@Test
	void permissionDenialAnswers200WithFailAndCode() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/ops/read/company", Map.of("auth", user.auth()));

		assertLegacyFailure(reply, "permission.denied");
	}

	@Test
	void malformedRequestAnswers200WithFailAndCode() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "{\"scope\":[1]}");

		assertLegacyFailure(reply, "request.malformed");
	}

	@Test
	void unknownTypeAnswers200WithFailAndCode() {
		Api.Reply reply = this.api.post("/rest/ops/read/nosuchtype", Map.of("auth", Directory.adminAuth()));

		assertLegacyFailure(reply, "request.unknown_type");
	}

	@Test
	void unknownPathAnswers200WithFailAndCode() {
		Api.Reply reply = this.api.post("/rest/call/read", "{}");

		assertLegacyFailure(reply, "request.unknown_path");
	}

	@Test
	void wrongMethodAnswers200WithFailAndCode() {
		Api.Reply reply = this.api.get("/rest/auth/");

		assertLegacyFailure(reply, "request.method");
	}

	@Test
	void tooLargeBodyAnswers200WithFailAndCode() {
		Api.Reply reply = this.api.post("/rest/ops/read/company", "{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");

		assertLegacyFailure(reply, "request.too_large");
	}

	/**
	 * A refusal answered 200 leaves the connection open, so the refused body is read to its end and
	 * the next request on the connection is answered, not mistaken for more body.
	 */
	@Test
	void tooLargeBodyLeavesTheConnectionUsableForTheNextRequest() throws IOException {
		String body = "{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}";
		String tooLarge = "POST /rest/ops/read/company HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length()
				+ "\r\n\r\n" + body;
		String next = "POST /rest/ops/read/company HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
				+ "Connection: close\r\n\r\n{}";

		String answers;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((tooLarge + next).getBytes(StandardCharsets.ISO_8859_1));
			answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}

		assertThat(answers.split("HTTP/1\\.1 200 ", -1)).as(answers).hasSize(3);
		assertThat(answers).containsSubsequence("request.too_large", "auth.required");
	}

	@Test
	void successStillAnswers200WithSuccess() {
		String company = this.directory.newCompany();

		Api.Reply reply = this.api.post("/rest/ops/read/company",
				Map.of("scope", Map.of("company", company), "auth", Directory.adminAuth()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").propertyNames()).containsExactly(company);
	}

	private static void assertLegacyFailure(Api.Reply reply, String code) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(reply.json().propertyNames()).containsExactly("result", "message", "code");
		assertThat(reply.result()).isEqualTo("fail");
		assertThat(reply.code()).isEqualTo(code);
	}
}
