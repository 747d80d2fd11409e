package com.gatehouse.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.rest.ReaderContract.Declared;
import com.gatehouse.rest.ReaderContract.Input;

import static com.gatehouse.rest.EnvelopeFuzzInputs.CORPUS;
import static com.gatehouse.rest.EnvelopeFuzzInputs.NODES;
import static com.gatehouse.rest.EnvelopeFuzzInputs.authBlock;
import static com.gatehouse.rest.EnvelopeFuzzInputs.stringArray;
import static com.gatehouse.rest.ReaderContract.JSON;
import static com.gatehouse.rest.ReaderContract.SHIPPED;
import static com.gatehouse.rest.ReaderContract.assertContract;
import static com.gatehouse.rest.ReaderContract.reader;
import static com.gatehouse.rest.ReaderContract.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the committed corpus of {@link RestRequestReader} inputs under {@code fuzz/envelope/} every
 * run: each entry keeps the {@link ReaderContract} under several content types and declared lengths.
 * Corpus file names carry expectations on top of the contract: {@code valid-*} is read and
 * round-trips, {@code wrong-kind-*} is a 400, {@code not-object-*} and {@code empty*} read as
 * {@code {}}. An input that once found a bug is added there as a file.
 */
class RestRequestReaderCorpusTests {

	/** Writes only ASCII, so any string (even a lone surrogate the reader let through) survives the trip. */
	private static final JsonMapper ASCII_JSON = JSON.rebuild().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static final RestRequestReader ROOMY = reader(Map.of("gatehouse.rest.max-body-size", "16MB"));

	@ParameterizedTest
	@MethodSource("corpus")
	void readWhenCorpusEntryThenKeepsTheContract(byte[] body, String name) throws IOException {
		for (String contentType : List.of("application/json", "text/plain;charset=ISO-8859-1", "")) {
			for (Declared declared : Declared.values()) {
				assertContract(new Input(body, contentType, declared, false));
				assertContract(new Input(body, contentType, declared, true));
			}
		}
		RestRequest read = readOrNull(SHIPPED, body);
		if (name.startsWith("valid-")) {
			assertThat(read).as("a valid envelope is read").isNotNull();
			assertRoundTrips(read);
		}
		if (name.startsWith("wrong-kind-")) {
			assertThatReaderRefuses(body, HttpStatus.BAD_REQUEST, "request.malformed");
		}
		if (name.startsWith("not-object-") || name.startsWith("empty")) {
			assertThat(read).isEqualTo(RestRequest.empty());
		}
	}

	static Stream<Arguments> corpus() {
		return CORPUS.stream().map((entry) -> Arguments.of(entry, entry.getName()));
	}

	private static void assertThatReaderRefuses(byte[] body, HttpStatus status, String code) throws IOException {
		try {
			SHIPPED.read(request(body, "application/json", body.length));
		}
		catch (RestFailure refused) {
			assertThat(refused.status()).isEqualTo(status);
			assertThat(refused.code()).isEqualTo(code);
			return;
		}
		throw new AssertionError("expected " + status + " " + code);
	}

	/** Writes the members back as JSON and reads them again: the same request comes back. */
	private static void assertRoundTrips(RestRequest read) throws IOException {
		ObjectNode body = NODES.objectNode();
		body.put("type", read.type());
		body.set("scope", read.scope());
		body.set("columns", stringArray(read.columns()));
		body.set("values", read.values());
		body.set("order", stringArray(read.order()));
		body.set("auth", (read.auth() != null) ? authBlock(read.auth()) : null);
		byte[] written = ASCII_JSON.writeValueAsBytes(body);

		assertThat(ROOMY.read(request(written, "application/json", written.length))).isEqualTo(read);
	}

	private static @Nullable RestRequest readOrNull(RestRequestReader reader, byte[] body) throws IOException {
		try {
			return reader.read(request(body, "application/json", body.length));
		}
		catch (RestFailure refused) {
			return null;
		}
	}
}
