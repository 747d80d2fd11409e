package com.gatehouse.rest;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.Fuzzing;

import static com.gatehouse.rest.EnvelopeFuzzInputs.NODES;
import static com.gatehouse.rest.EnvelopeFuzzInputs.authBlock;
import static com.gatehouse.rest.EnvelopeFuzzInputs.json;
import static com.gatehouse.rest.EnvelopeFuzzInputs.nullableString;
import static com.gatehouse.rest.EnvelopeFuzzInputs.object;
import static com.gatehouse.rest.EnvelopeFuzzInputs.string;
import static com.gatehouse.rest.EnvelopeFuzzInputs.stringArray;
import static com.gatehouse.rest.EnvelopeFuzzInputs.stringList;
import static com.gatehouse.rest.ReaderContract.JSON;
import static com.gatehouse.rest.ReaderContract.SHIPPED;
import static com.gatehouse.rest.ReaderContract.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link RestRequestReader} with valid envelopes: every member comes back as sent, whether an
 * absent member is left out or sent as {@code null}, and unknown members are ignored. The inputs are
 * drawn from a fixed seed ({@link Fuzzing}), so every run tries the same ones.
 */
class RestRequestReaderRoundTripFuzzTests {

	@Test
	void readWhenValidEnvelopeThenMembersRoundTrip() {
		Fuzzing.forAll(4714, 3000, RestRequestReaderRoundTripFuzzTests::envelope, (envelope) -> {
			RestRequest read = SHIPPED.read(request(envelope.body(), "application/json", envelope.body().length));

			assertThat(read.type()).isEqualTo(envelope.type());
			assertSameJson(read.scope(), envelope.scope());
			assertThat(read.columns()).isEqualTo(envelope.columns());
			assertSameJson(read.values(), envelope.values());
			assertThat(read.order()).isEqualTo(envelope.order());
			assertThat(read.auth()).isEqualTo(envelope.auth());
		});
	}

	/**
	 * One well-formed envelope and the members it must read as. An absent member is left out or sent
	 * as {@code null}; unknown members are ignored.
	 */
	record Envelope(@Nullable String type, ObjectNode scope, @Nullable List<String> columns, ObjectNode values,
			List<String> order, @Nullable RestAuth auth, byte[] body) {

		@Override
		public String toString() {
			return new String(this.body, StandardCharsets.UTF_8);
		}
	}

	private static Envelope envelope(Random random) {
		String type = random.nextInt(5) == 0 ? null : string(random);
		ObjectNode scope = random.nextInt(5) == 0 ? null : object(random, 2);
		List<String> columns = random.nextInt(3) == 0 ? null : stringList(random);
		ObjectNode values = random.nextInt(5) == 0 ? null : object(random, 2);
		List<String> order = random.nextInt(3) == 0 ? null : stringList(random);
		RestAuth auth = random.nextInt(3) == 0 ? null
				: new RestAuth(nullableString(random), nullableString(random), nullableString(random),
						nullableString(random));
		boolean nullForAbsent = random.nextBoolean();
		ObjectNode body = NODES.objectNode();
		putUnlessAbsent(body, "type", (type != null) ? NODES.stringNode(type) : null, nullForAbsent);
		putUnlessAbsent(body, "scope", scope, nullForAbsent);
		putUnlessAbsent(body, "columns", stringArray(columns), nullForAbsent);
		putUnlessAbsent(body, "values", values, nullForAbsent);
		putUnlessAbsent(body, "order", stringArray(order), nullForAbsent);
		putUnlessAbsent(body, "auth", (auth != null) ? authBlock(auth) : null, nullForAbsent);
		for (int i = random.nextInt(3); i > 0; i--) {
			body.set("unknown" + i, json(random, 1));
		}
		return new Envelope(type, (scope != null) ? scope : NODES.objectNode(), columns,
				(values != null) ? values : NODES.objectNode(), (order != null) ? order : List.of(), auth,
				JSON.writeValueAsBytes(body));
	}

	private static void putUnlessAbsent(ObjectNode body, String name, @Nullable JsonNode value, boolean nullForAbsent) {
		if (value != null) {
			body.set(name, value);
		}
		else if (nullForAbsent) {
			body.putNull(name);
		}
	}

	/** Equal JSON, numbers compared by value (the parser picks int, long or big integer by size). */
	private static void assertSameJson(JsonNode actual, JsonNode expected) {
		Comparator<JsonNode> numbersByValue = (a, b) -> {
			if (a.isNumber() && b.isNumber()) {
				return a.decimalValue().compareTo(b.decimalValue());
			}
			return a.equals(b) ? 0 : 1;
		};
		assertThat(actual.equals(numbersByValue, expected)).as("%s equals %s", actual, expected).isTrue();
	}
}
