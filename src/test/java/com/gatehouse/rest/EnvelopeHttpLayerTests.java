package com.gatehouse.rest;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RawHttp;

import static com.gatehouse.rest.EnvelopeReplies.adminBody;
import static com.gatehouse.rest.EnvelopeReplies.assertFailure;
import static com.gatehouse.rest.EnvelopeReplies.assertJsonFailureShape;
import static com.gatehouse.rest.EnvelopeReplies.assertProtectiveHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer carries, and what the HTTP layer under /rest/ answers on its own: success, failure
 * and a 404 outside /rest/ all carry {@code nosniff}, {@code no-store} and no {@code Server} header; a
 * malformed URL or a transfer encoding other than plain chunked is a JSON 4xx, never the container's
 * HTML page; those two are sent as raw bytes, as no HTTP client would send them.
 */
@GatehouseTest
class EnvelopeHttpLayerTests {

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

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
}
