package com.gatehouse.apidoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.gateway.GatewayFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every named example of the OpenAPI document is sent to a running service (with the gateway on,
 * in front of the recording upstream and the gateway tests' policy), and gets the answer the
 * document gives it: its status, the documented headers, a body valid against the documented
 * schema and of the example's shape (the same members, each of the same JSON type; {@code result},
 * {@code code}, {@code status} and booleans of the same value). The example itself, and a
 * successful example's request, must be valid against their schemas too. A new example in the
 * document is a new case here: the description cannot drift from what the service does.
 */
@GatehouseTest
class ApiExamplesTests {

	private static final ApiDocument DOCUMENT = ApiDocument.shipped();

	Api api;

	Directory directory;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		GatewayFixture.registerGateway(properties);
	}

	static Stream<ApiDocument.Example> examples() {
		return DOCUMENT.examples().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleGetsTheDocumentedAnswer(ApiDocument.Example example) {
		if (example.answer() != null) {
			assertThat(DOCUMENT.validate(example.answerSchema(), example.answer())).as("the example answer's own schema")
				.isEmpty();
		}
		if (example.body() != null && example.status() < 300) {
			assertThat(DOCUMENT.validate(example.bodySchema(), example.body())).as("a successful request's schema").isEmpty();
		}
		ExampleWorld world = ExampleWorld.make(this.directory, this.api);

		Api.Reply reply = send(example, world);

		assertThat(reply.status()).as("%s", reply).isEqualTo(example.status());
		example.requiredHeaders().forEach((header) -> assertThat(reply.header(header)).as(header).isPresent());
		if (example.answerSchema() == null) {
			assertThat(reply.body()).isEmpty();
			return;
		}
		assertThat(reply.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith(example.answerType()));
		JsonNode answer = reply.json();
		assertThat(DOCUMENT.validate(example.answerSchema(), answer)).as("%s", reply).isEmpty();
		if (example.answer() != null) {
			List<String> differences = new ArrayList<>();
			compare("", world.fill(example.answer()), answer, differences);
			assertThat(differences).as("%s", reply).isEmpty();
		}
	}

	private Api.Reply send(ApiDocument.Example example, ExampleWorld world) {
		String path = example.path();
		for (Map.Entry<String, String> value : example.pathValues().entrySet()) {
			path = path.replace("{" + value.getKey() + "}", world.text(value.getValue()));
		}
		List<String> headers = new ArrayList<>();
		example.headers().forEach((name, value) -> {
			headers.add(name);
			headers.add(world.text(value));
		});
		if (example.body() != null) {
			headers.add("Content-Type");
			headers.add("application/json");
		}
		String body = (example.body() != null) ? world.fill(example.body()).toString() : "";
		return this.api.send(example.method(), path, body, headers.toArray(String[]::new));
	}

	/** The answer has the example's shape: the same members, each of the same JSON type. */
	private static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
		if (expected.isNull() || actual.isNull()) {
			return;
		}
		if (expected.getNodeType() != actual.getNodeType()) {
			differences.add(at + ": " + actual.getNodeType() + " where the example has " + expected.getNodeType());
		}
		else if (expected.isObject()) {
			expected.propertyNames().stream().filter((name) -> !actual.has(name))
				.forEach((name) -> differences.add(at + "/" + name + " is missing"));
			actual.propertyNames().stream().filter((name) -> !expected.has(name))
				.forEach((name) -> differences.add(at + "/" + name + " is not in the example"));
			expected.propertyNames().stream().filter(actual::has)
				.forEach((name) -> compare(at + "/" + name, expected.get(name), actual.get(name), differences));
		}
		else if (expected.isArray()) {
			if (actual.size() < expected.size()) {
				differences.add(at + ": " + actual.size() + " items where the example has " + expected.size());
			}
			for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
				compare(at + "/" + i, expected.get(i), actual.get(i), differences);
			}
		}
		else if ((expected.isBoolean() || at.endsWith("/result") || at.endsWith("/code") || at.endsWith("/status"))
				&& !expected.equals(actual)) {
			differences.add(at + ": " + actual + " where the example has " + expected);
		}
	}
}
