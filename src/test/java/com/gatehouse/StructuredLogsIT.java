package com.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot's structured console logging, set as an operator sets it
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE}), on the packaged jar: every line it prints, from the
 * first start's generated password to the graceful shutdown, is one JSON object, and the password is
 * still there to read.
 */
class StructuredLogsIT {

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("generated password of System-Admin 'admin' is: (\\S+)");

	@TempDir
	Path dataDir;

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash" })
	void consoleWhenStructuredFormatSetThenEveryLineIsJsonAndTheFirstPasswordIsInOne(String format) throws Exception {
		int port = RunningJar.freePort();
		String output;
		try (RunningJar jar = RunningJar.start(Map.of("GATEHOUSE_DATA_DIR", this.dataDir.toString(), "SERVER_PORT",
				Integer.toString(port), "LOGGING_STRUCTURED_FORMAT_CONSOLE", format))) {
			jar.awaitOutput("shown only this once");
			Matcher printed = GENERATED_PASSWORD.matcher(jar.output());
			assertThat(printed.find()).as(jar.output()).isTrue();
			assertThat(login(port, printed.group(1)).status()).isEqualTo(200);
			assertThat(login(port, "not-" + printed.group(1)).status()).isEqualTo(401);
			jar.close();
			output = jar.output();
		}

		List<String> lines = output.lines().toList();
		assertThat(lines).hasSizeGreaterThan(10);
		JsonMapper json = JsonMapper.builder().build();
		for (String line : lines) {
			JsonNode event = json.readTree(line);
			assertThat(event.isObject()).as(line).isTrue();
		}
		assertThat(lines).filteredOn((line) -> line.contains("generated password")).singleElement()
			.satisfies((line) -> assertThat(json.readTree(line).path("message").asString()).contains("is: "));
	}

	private static Api.Reply login(int port, String password) {
		return new Api(port).post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", "admin", "password", password)));
	}
}
