package com.gatehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example of docs/clients/ with its real interpreter against the running service, as a
 * reader who copied it would: only the environment variables the examples document, in a working
 * directory of its own. An example whose interpreter is missing is skipped, unless
 * {@code GATEHOUSE_TEST_CLIENTS=required} (as in CI, which installs them) makes that a failure.
 */
@GatehouseTest
class ClientExamplesTests {

	private static final long TIMEOUT_SECONDS = 120;

	@LocalServerPort
	int port;

	Directory directory;

	@TempDir
	Path work;

	@ParameterizedTest
	@EnumSource(ClientExample.class)
	void exampleWhenRunAgainstTheServiceThenLogsInManagesUsesAKeyAndCleansUp(ClientExample example) throws Exception {
		TestUser admin = this.directory.newUser(this.directory.newCompany(), "System-Admin");
		String company = Directory.unique("example");

		Run run = run(example, settings(admin.login(), admin.password(), company));

		assertThat(run.exitCode()).as("%s", run).isZero();
		assertThat(run.stdout().lines().toList()).as("%s", run)
			.satisfiesExactly((line) -> assertThat(line).isEqualTo("logged in as %s (user %d)", admin.login(), admin.id()),
					(line) -> assertThat(line).matches("created company " + company + ": id \\d+"),
					(line) -> assertThat(line).isEqualTo("read company %s: Example company", company),
					(line) -> assertThat(line).matches("made Auth Key \\d+"),
					(line) -> assertThat(line).isEqualTo("the key acts as %s", admin.login()),
					(line) -> assertThat(line).matches("revoked Auth Key \\d+"),
					(line) -> assertThat(line).isEqualTo("logged out"));
		assertThat(run.stdout() + run.stderr()).doesNotContain(admin.password()).doesNotContain("ghk_");
		assertThat(this.directory.asAdmin("read", "company", Map.of("scope", Map.of("company", company)))
			.json().path("values").path(company).path("name").asString()).isEqualTo("Example company");
		assertThat(this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", admin.id())))
			.json().path("values").size()).as("the example revoked its key").isZero();
	}

	@ParameterizedTest
	@EnumSource(ClientExample.class)
	void exampleWhenPasswordIsWrongThenExitsNonZeroWithTheFailure(ClientExample example) throws Exception {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "System-Admin");

		Run run = run(example, settings(user.login(), "not-" + user.password(), Directory.unique("example")));

		assertThat(run.exitCode()).as("%s", run).isNotZero();
		assertThat(run.stdout()).as("%s", run).doesNotContain("logged in");
		assertThat(run.stderr()).as("%s", run).contains("401").contains("failure auth.failed Authentication failed");
		assertThat(run.stdout() + run.stderr()).doesNotContain(user.password());
	}

	@ParameterizedTest
	@EnumSource(ClientExample.class)
	void exampleWhenTheUrlIsNotSetThenExitsNonZeroNamingIt(ClientExample example) throws Exception {
		Map<String, String> settings = new HashMap<>(settings(Directory.ADMIN_LOGIN, Directory.ADMIN_PASSWORD, "x"));
		settings.remove("GATEHOUSE_URL");

		Run run = run(example, settings);

		assertThat(run.exitCode()).as("%s", run).isNotZero();
		assertThat(run.stdout()).as("%s", run).isEmpty();
		assertThat(run.stderr()).as("%s", run).contains("GATEHOUSE_URL").doesNotContain(Directory.ADMIN_PASSWORD);
	}

	/** The environment variables the examples document. */
	private Map<String, String> settings(String login, String password, String company) {
		return Map.of("GATEHOUSE_URL", "http://127.0.0.1:" + this.port, "GATEHOUSE_LOGIN", login, "GATEHOUSE_PASSWORD",
				password, "GATEHOUSE_COMPANY", company);
	}

	private Run run(ClientExample example, Map<String, String> settings) throws IOException, InterruptedException {
		List<Path> missing = example.missing();
		if (!missing.isEmpty() && "required".equals(System.getenv("GATEHOUSE_TEST_CLIENTS"))) {
			Assertions.fail("GATEHOUSE_TEST_CLIENTS=required, but " + missing + " is missing");
		}
		Assumptions.assumeTrue(missing.isEmpty(), () -> example + " example skipped: no " + missing);
		Path stdout = this.work.resolve("stdout");
		Path stderr = this.work.resolve("stderr");
		ProcessBuilder builder = new ProcessBuilder(example.command()).directory(this.work.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		// Only the documented settings: none of this machine's (a proxy, ~/.curlrc, a GATEHOUSE_ of the
		// suite's) may help or hinder an example. The timeout guards against a hang, it measures nothing.
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("GATEHOUSE_") || name.toLowerCase().endsWith("_proxy"));
		environment.putAll(settings);
		environment.put("HOME", this.work.toString());
		Process process = builder.start();
		try {
			assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s ends within %ss", example, TIMEOUT_SECONDS)
				.isTrue();
			return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
		}
		finally {
			process.destroyForcibly().waitFor();
		}
	}

	/** What an example's process answered. */
	private record Run(int exitCode, String stdout, String stderr) {
	}
}
