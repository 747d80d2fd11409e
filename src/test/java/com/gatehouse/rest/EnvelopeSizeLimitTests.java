package com.gatehouse.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RawHttp;

import static com.gatehouse.rest.EnvelopeReplies.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body-size limit of /rest/ ({@code gatehouse.rest.max-body-size}, 64KB by default): a body over it is
 * {@code request.too_large} (413) whether it announces its length or arrives chunked, one of exactly
 * the limit is read, and nesting deep enough to exhaust a parser meets the limit or reads as
 * {@code {}}, never a 500.
 */
@GatehouseTest
class EnvelopeSizeLimitTests {

	private static final int LIMIT = 64 * 1024;

	@LocalServerPort
	int port;

	Api api;

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

	/**
	 * The whole body is sent before the answer is read, as most clients do. The refused body is read
	 * to its end before the connection closes: closed with bytes unread, the connection would reset
	 * under a client still sending, which then loses the answer; and the answer carries its length,
	 * so even a reset after it cannot cut it.
	 */
	@Test
	void bodyOverTheLimitIsReadToItsEndBeforeTheConnectionCloses() throws IOException {
		String body = paddedBody(LIMIT + 1);

		Api.Reply reply = RawHttp.send(this.port, "POST /rest/ops/read/company HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Length: " + body.length() + "\r\n\r\n" + body);

		assertFailure(reply, 413, "request.too_large");
		assertThat(reply.header("Content-Length")).contains(Integer.toString(reply.body().length()));
	}

	@Test
	void chunkedBodyOverTheLimitIsReadToItsEndBeforeTheConnectionCloses() throws IOException {
		String body = paddedBody(LIMIT + 1);

		Api.Reply reply = RawHttp.send(this.port, "POST /rest/ops/read/company HTTP/1.1\r\nHost: localhost\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

		assertFailure(reply, 413, "request.too_large");
		assertThat(reply.header("Content-Length")).contains(Integer.toString(reply.body().length()));
	}

	/** A body announced far over what is worth reading to its end is refused unread, and the connection closes. */
	@Test
	void bodyAnnouncedFarOverTheLimitIsRefusedWithoutWaitingForIt() throws IOException {
		Api.Reply reply = RawHttp.send(this.port, "POST /rest/ops/read/company HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Length: " + (10 * 1024 * 1024) + "\r\n\r\n{\"pad\":\"");

		assertFailure(reply, 413, "request.too_large");
		assertThat(reply.header("Connection")).contains("close");
		assertThat(reply.header("Content-Length")).contains(Integer.toString(reply.body().length()));
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
