package com.gatehouse.apidoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3/api-docs} (JSON) and {@code /v3/api-docs.yaml}, springdoc's paths, which Spring Boot
 * operators look for first, and {@code /openapi.json} and {@code /openapi.yaml}, which other tools
 * try. The document is written by hand, not scanned from annotations: the {@code /rest/ops/}
 * envelope routes on a body member and a path segment that annotation scanning would describe as
 * one opaque operation. It holds no secret and needs no credential; any origin may fetch it, so a
 * Swagger UI or editor served elsewhere can load it from a browser.
 */
@RestController
final class ApiDescriptionController {

	static final String DOCUMENT = "openapi.yaml";

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private final byte[] yaml;

	/**
	 * Made at the first request for it, not at start: parsing the YAML took about 0.1 s of the start's
	 * main thread, and the JIT's time for the parser beside it (issue 13).
	 */
	private final SingletonSupplier<byte[]> json;

	ApiDescriptionController(JsonMapper json) {
		try {
			this.yaml = new ClassPathResource(DOCUMENT).getContentAsByteArray();
		}
		catch (IOException missing) {
			throw new UncheckedIOException(missing);
		}
		this.json = SingletonSupplier.of(() -> json.writeValueAsBytes(readYaml(this.yaml)));
	}

	/**
	 * SnakeYAML reads YAML 1.1, where an unquoted yes is true: ApiDescriptionTests holds this JSON
	 * equal to a YAML 1.2 reading of the file, so such a value in the document fails the build.
	 */
	private static Object readYaml(byte[] yaml) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
	}

	@GetMapping({ "/v3/api-docs", "/openapi.json" })
	ResponseEntity<byte[]> json() {
		return answer(MediaType.APPLICATION_JSON, this.json.obtain());
	}

	@GetMapping({ "/v3/api-docs.yaml", "/openapi.yaml" })
	ResponseEntity<byte[]> yaml() {
		return answer(YAML, this.yaml);
	}

	private static ResponseEntity<byte[]> answer(MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header("Access-Control-Allow-Origin", "*")
			.body(body);
	}
}
