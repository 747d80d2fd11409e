package com.gatehouse.apidoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document as the tests read it: with a YAML 1.2 parser (Jackson's), its named examples
 * as calls ({@link Example}), and a JSON Schema validator (networknt, OAS 3.1 dialect) for the
 * schemas it gives. An example named N of an operation is: the request body example N, the
 * parameter examples N, the {@code x-request-headers} of any example N, answered by the one
 * response holding a response example N (in its content's {@code examples}, or in the
 * response's {@code x-examples} when it has no body).
 */
final class ApiDocument {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** Where the validator finds the document: a name, never fetched. */
	private static final String BASE = "https://gatehouse.invalid/openapi.json";

	private static final String JSON = "application/json";

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

	private final JsonNode root;

	private final SchemaRegistry schemas;

	private ApiDocument(JsonNode root) {
		this.root = root;
		this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
				(builder) -> builder.schemas(Map.of(BASE, root.toString())));
	}

	/** The document as the build ships it. */
	static ApiDocument shipped() {
		try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(ApiDescriptionController.DOCUMENT)) {
			if (in == null) {
				throw new IllegalStateException(ApiDescriptionController.DOCUMENT + " is not on the class path");
			}
			return new ApiDocument(YAML.readTree(in));
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	JsonNode root() {
		return this.root;
	}

	/** Every named example of every operation, in the document's order. */
	List<Example> examples() {
		List<Example> examples = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.root.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (!METHODS.contains(operation.getKey())) {
					continue;
				}
				String pointer = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
				for (String name : names(operation.getValue())) {
					examples.add(example(path.getKey(), operation.getKey(), pointer, operation.getValue(), name));
				}
			}
		}
		return examples;
	}

	/** The errors of {@code value} against the schema at {@code pointer} (a JSON pointer into the document). */
	List<Error> validate(String pointer, JsonNode value) {
		Schema schema = this.schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
		return schema.validate(value);
	}

	private static Set<String> names(JsonNode operation) {
		Set<String> names = new LinkedHashSet<>();
		names.addAll(operation.path("requestBody").path("content").path(JSON).path("examples").propertyNames());
		operation.path("parameters").forEach((parameter) -> names.addAll(parameter.path("examples").propertyNames()));
		operation.path("responses").forEach((response) -> names.addAll(responseExamples(response).propertyNames()));
		return names;
	}

	private static JsonNode responseExamples(JsonNode response) {
		String type = jsonType(response);
		return (type != null) ? response.path("content").path(type).path("examples") : response.path("x-examples");
	}

	/** The JSON media type of a response's body ({@code application/json} or a {@code +json} type); null when it has none. */
	static @Nullable String jsonType(JsonNode response) {
		return response.path("content").propertyNames().stream().filter((type) -> type.endsWith("json")).findFirst().orElse(null);
	}

	private Example example(String path, String method, String pointer, JsonNode operation, String name) {
		JsonNode request = operation.path("requestBody").path("content").path(JSON).path("examples").path(name);
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, String> pathValues = new LinkedHashMap<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode value = parameter.path("examples").path(name).path("value");
			if (value.isMissingNode()) {
				continue;
			}
			switch (parameter.path("in").asString()) {
				case "path" -> pathValues.put(parameter.path("name").asString(), value.asString());
				case "header" -> headers.put(parameter.path("name").asString(), value.asString());
				case "cookie" -> headers.merge("Cookie", parameter.path("name").asString() + "=" + value.asString(),
						(a, b) -> a + "; " + b);
				default -> throw new IllegalStateException("parameter in " + parameter.path("in"));
			}
		}
		String status = null;
		JsonNode answer = null;
		for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
			JsonNode found = responseExamples(response.getValue()).path(name);
			if (!found.isMissingNode()) {
				if (status != null) {
					throw new IllegalStateException(pointer + ": example " + name + " is the answer of two statuses");
				}
				status = response.getKey();
				answer = found;
			}
		}
		if (status == null) {
			throw new IllegalStateException(pointer + ": example " + name + " has no documented answer");
		}
		boolean hasBody = operation.has("requestBody");
		if (hasBody && request.isMissingNode()) {
			throw new IllegalStateException(pointer + ": example " + name + " has no request body example");
		}
		for (JsonNode side : List.of(request, answer)) {
			side.path("x-request-headers").properties().forEach((header) -> headers.put(header.getKey(), header.getValue().asString()));
		}
		JsonNode ref = operation.path("responses").path(status).path("$ref");
		String responsePointer = ref.isString() ? ref.asString().substring(1) : pointer + "/responses/" + status;
		return new Example(method.toUpperCase(Locale.ROOT), path, name, pathValues, headers,
				hasBody ? request.path("value") : null, hasBody ? pointer + "/requestBody/content/" + escape(JSON) + "/schema" : null,
				Integer.parseInt(status), responsePointer, this.root.at(responsePointer),
				answer.has("value") ? answer.path("value") : null);
	}

	private static String escape(String segment) {
		return segment.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * One named example as a call: {@code body} null for an operation without one; {@code answer}
	 * null for a response without a body; {@code response} is the response object it is answered by.
	 */
	record Example(String method, String path, String name, Map<String, String> pathValues, Map<String, String> headers,
			@Nullable JsonNode body, @Nullable String bodySchema, int status, String responsePointer, JsonNode response,
			@Nullable JsonNode answer) {

		/** The media type of the answer's JSON body; null when the response has none. */
		@Nullable String answerType() {
			return jsonType(this.response);
		}

		/** The pointer to the schema of the answer's JSON body; null when the response has none. */
		@Nullable String answerSchema() {
			String type = answerType();
			return (type != null) ? this.responsePointer + "/content/" + escape(type) + "/schema" : null;
		}

		/** The headers the response documents as always present. */
		List<String> requiredHeaders() {
			List<String> names = new ArrayList<>();
			this.response.path("headers").properties().forEach((header) -> {
				if (header.getValue().path("required").asBoolean(false)) {
					names.add(header.getKey());
				}
			});
			return names;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " " + this.name + " -> " + this.status;
		}
	}
}
