package com.gatehouse.apidoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document: served to anyone, without credentials, as YAML and as the same document in
 * JSON; a valid OpenAPI 3.1 document by the official OAS 3.1 JSON Schema (with every Schema Object
 * checked against the OAS dialect); and naming exactly the failure codes the service has.
 */
@GatehouseTest
class ApiDescriptionTests {

	/** The official schema of an OAS 3.1 document whose schemas use the OAS dialect (spec.openapis.org). */
	private static final String OAS_31 = "https://spec.openapis.org/oas/3.1/schema-base/2022-10-07";

	/**
	 * A failure code as the service's source gives it: {@code RestFailure.badRequest("request.invalid", ...}, or
	 * inside RestFailure itself.
	 */
	private static final Pattern CODE_IN_SOURCE = Pattern.compile(
			"(?:RestFailure\\.\\w+\\(|new RestFailure\\(HttpStatus\\.\\w+,|return notFound\\()\\s*\"([a-z_]+(?:\\.[a-z_]+)?)\"");

	Api api;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void servedWithoutCredentialsAsYamlAndAsTheSameDocumentInJson() {
		Api.Reply yaml = this.api.get("/v3/api-docs.yaml");
		Api.Reply json = this.api.get("/v3/api-docs");

		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/yaml"));
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(json.header("Access-Control-Allow-Origin")).contains("*");
		// Read by a YAML 1.2 parser: the JSON is what any tool reads from the YAML (no 1.1 "yes" turned true).
		assertThat(json.json()).isEqualTo(ApiDocument.YAML.readTree(yaml.body()));
		assertThat(ApiDocument.YAML.readTree(yaml.body())).isEqualTo(ApiDocument.shipped().root());
		assertThat(this.api.get("/openapi.json").body()).isEqualTo(json.body());
		assertThat(this.api.get("/openapi.yaml").body()).isEqualTo(yaml.body());
	}

	@Test
	void servedDocumentIsValidOpenApi31() {
		JsonNode served = this.api.get("/v3/api-docs").json();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaIdResolvers(
						(resolvers) -> resolvers.mapPrefix("https://spec.openapis.org/", "classpath:spec.openapis.org/")));

		assertThat(served.path("openapi").asString()).startsWith("3.1.");
		assertThat(registry.getSchema(SchemaLocation.of(OAS_31)).validate(served)).isEmpty();
	}

	@Test
	void invalidDocumentIsRefusedByTheSameValidation() {
		JsonNode broken = ApiDocument.YAML.readTree("""
				openapi: 3.1.0
				info: {title: broken}
				paths:
				  /x: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {type: 7}}}}}}}
				""");
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaIdResolvers(
						(resolvers) -> resolvers.mapPrefix("https://spec.openapis.org/", "classpath:spec.openapis.org/")));

		// No info.version, and a Schema Object that is not one: both must be found.
		assertThat(registry.getSchema(SchemaLocation.of(OAS_31)).validate(broken)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void documentedSchemasRefuseWhatTheyDoNotDescribe() {
		ApiDocument document = ApiDocument.shipped();

		assertThat(document.validate("/components/schemas/Failure",
				Api.JSON.readTree("{\"result\":\"fail\",\"message\":\"m\",\"code\":\"auth.failed\"}"))).isEmpty();
		assertThat(document.validate("/components/schemas/Failure",
				Api.JSON.readTree("{\"result\":\"fail\",\"message\":\"m\",\"code\":\"no.such_code\"}"))).isNotEmpty();
		assertThat(document.validate("/components/schemas/UserReply",
				Api.JSON.readTree("{\"result\":\"success\",\"user\":{\"id\":1,\"login\":\"a\",\"secret\":\"x\"}}")))
			.isNotEmpty();
	}

	@Test
	void everyPathTheServiceMapsIsDocumented() {
		List<String> documented = ApiDocument.shipped().root().path("paths").propertyNames().stream()
			.map((path) -> withoutTrailingSlash(path.replaceAll("\\{[^}]+}", "x")))
			.toList();
		Set<String> undocumented = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().stream()
			.flatMap((mapping) -> mapping.getPathPatternsCondition().getPatternValues().stream())
			.filter((pattern) -> !pattern.startsWith("/admin") && !pattern.equals("/error"))
			.filter((pattern) -> documented.stream().noneMatch(asRegex(pattern).asMatchPredicate()))
			.forEach(undocumented::add);

		assertThat(undocumented).isEmpty();
	}

	/** A mapping's pattern as a regex over documented paths: {@code {verb}} one segment, {@code /**} anything. */
	private static Pattern asRegex(String pattern) {
		String path = withoutTrailingSlash(pattern);
		StringBuilder regex = new StringBuilder();
		Matcher parts = Pattern.compile("\\{[^}]+}|/\\*\\*").matcher(path);
		int last = 0;
		while (parts.find()) {
			regex.append(Pattern.quote(path.substring(last, parts.start())))
				.append(parts.group().equals("/**") ? "(/.*)?" : "[^/]+");
			last = parts.end();
		}
		return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).toString());
	}

	private static String withoutTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	@Test
	void failureCodesAreExactlyThoseOfTheService() throws IOException {
		Set<String> inSource = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher codes = CODE_IN_SOURCE.matcher(Files.readString(file));
				while (codes.find()) {
					inSource.add(codes.group(1));
				}
			}
		}
		Set<String> documented = new TreeSet<>();
		ApiDocument.shipped().root().at("/components/schemas/Failure/properties/code/oneOf").forEach((code) -> {
			if (code.has("const")) {
				documented.add(code.path("const").asString());
			}
		});

		assertThat(inSource).hasSizeGreaterThan(40);
		assertThat(documented).isEqualTo(inSource);
	}
}
