package com.gatehouse.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.gateway.GatewayFixture.keyHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the gateway's settings start the service (issue 11 §1): a mistaken policy stops startup
 * naming its line; an upstream without a policy starts, says in the log that it fails closed, and
 * refuses every forwarded call; without an upstream, other sections stay 404.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayStartupTests {

	@TempDir
	Path directory;

	@Test
	void policyWhenMistakenThenTheServiceDoesNotStartAndSaysWhichLine() throws Exception {
		Path policy = Files.writeString(this.directory.resolve("policy.yaml"),
				"routes:\n  - match: {section: call}\n    require: {prem: cdr}\n");

		assertThatThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--server.port=0", ownDatabase(), "--gatehouse.gateway.upstream=" + GatewayFixture.UPSTREAM.url(),
					"--gatehouse.gateway.policy=" + policy)
			.close()).rootCause().hasMessageContaining(policy + " line 3").hasMessageContaining("unknown key 'prem'");
	}

	@Test
	void maxConnectionsWhenBelowOneThenTheServiceDoesNotStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--server.port=0", ownDatabase(), "--gatehouse.gateway.upstream=" + GatewayFixture.UPSTREAM.url(),
					"--gatehouse.gateway.max-connections=0")
			.close()).rootCause().hasMessageContaining("gatehouse.gateway.max-connections must be at least 1");
	}

	@Test
	void upstreamWhenNoPolicyThenLogSaysFailClosedAndEveryCallIsRefused(CapturedOutput output) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--server.port=0", ownDatabase(), "--gatehouse.gateway.upstream=" + GatewayFixture.UPSTREAM.url())) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			Directory directory = new Directory(api);
			String key = directory.newKey(
					GatewayFixture.userWith(directory, directory.newCompany(), Map.of("admin", "yes")).id());

			assertThat(output).contains("GATEHOUSE_GATEWAY_POLICY is not").contains("fail closed");
			assertFailure(api.post("/rest/call/read/cdr", Map.of(), keyHeader(key)), 403, "permission.denied");
		}
	}

	/** An in-memory database of this test's own: these short-lived services leave the suite's store alone. */
	private static String ownDatabase() {
		return "--spring.datasource.url=jdbc:h2:mem:gateway-startup-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}
}
