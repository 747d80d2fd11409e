package com.gatehouse.gateway;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.gateway.GatewayFixture.UPSTREAM;
import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What comes back from the upstream (issue 11 §1): any status and body as they are, without
 * hop-by-hop headers, a download streamed rather than buffered, and 502 or 504 when the upstream
 * is down or too slow.
 */
@GatewayTest
class GatewayUpstreamTests extends GatewayCallTest {

	@Test
	void upstreamAnswerWhenAnyStatusThenPassesThroughButHopByHopHeadersDoNot() throws Exception {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of()).id());

		Api.Reply reply = this.api.post("/rest/teapot/read/pot", Map.of(),
				keyHeader(key, "Proxy-Authorization", "Basic c2VjcmV0", "X-Client", "kept"));

		assertThat(reply.status()).isEqualTo(418);
		assertThat(reply.body()).isEqualTo("{\"result\":\"fail\",\"short\":\"and stout\"}");
		assertThat(reply.header("X-Upstream")).contains("teapot");
		assertThat(reply.header("Proxy-Authenticate")).isEmpty();
		RecordingUpstream.Received received = UPSTREAM.next();
		assertThat(received.header("Proxy-Authorization")).isNull();
		assertThat(received.header("X-Client")).isEqualTo("kept");
	}

	@Test
	void upstreamWhenUnreachableThen502AndWhenTooSlowThen504() {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of()).id());

		assertFailure(this.api.post("/rest/down/read/x", Map.of(), keyHeader(key)), 502, "upstream.unavailable");
		assertFailure(this.api.post("/rest/slow/read/x", Map.of(), keyHeader(key)), 504, "upstream.timeout");
		assertThat(GatewayFixture.metrics(this.managementPort)).contains("outcome=\"upstream_unavailable\",section=\"down\"")
			.contains("outcome=\"upstream_timeout\",section=\"slow\"");
	}

	@Test
	void downloadWhen50MegabytesThenStreamsBeforeTheUpstreamHasSentItAll() throws Exception {
		String key = this.directory.newKey(
				GatewayFixture.userWith(this.directory, this.directory.newCompany(), Map.of()).id());
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/rest/recording/download/recording"))
			.header("Authorization", "token auth=" + key)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();

		HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
		long total;
		try (InputStream body = response.body()) {
			// The upstream holds the rest until the client has half of the first megabyte (the other half
			// may sit in buffers on the way): a gateway that buffered the whole body would never get here.
			int half = RecordingUpstream.FIRST_CHUNK / 2;
			assertThat(body.readNBytes(half)).hasSize(half);
			UPSTREAM.releaseDownload();
			total = half + body.transferTo(java.io.OutputStream.nullOutputStream());
		}

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("audio/wav");
		assertThat(total).isEqualTo(RecordingUpstream.DOWNLOAD_BYTES);
	}
}
