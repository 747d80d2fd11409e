package com.gatehouse.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

/**
 * One recording upstream and one policy file for the gateway tests of this JVM (the server lives
 * as long as the JVM, the file is deleted when it ends), and the fixtures those tests share.
 * Public for the API description's examples (apidoc/ApiExamplesTests), which call the gateway too.
 */
public final class GatewayFixture {

	static final RecordingUpstream UPSTREAM;

	static final Path POLICY;

	static {
		try {
			UPSTREAM = new RecordingUpstream();
			POLICY = Files.createTempFile("gatehouse-policy", ".yaml");
			POLICY.toFile().deleteOnExit();
			Files.writeString(POLICY, """
					routes:
					  - match: {section: call, verb: read, type: cdr}
					    require: {perm: cdr, level: company}
					  - match: {section: dialplan, verb: "*", type: nm}
					    require: {perm: nightmode, level: "yes"}
					  - match: {section: recording}
					    require: {authenticated: true}
					  - match: {section: slow}
					    require: {authenticated: true}
					  - match: {section: teapot}
					    require: {authenticated: true}
					  - match: {path: /events/}
					    require: {perm: events, level: company}
					  - match: {section: down}
					    require: {authenticated: true}
					    upstream: http://127.0.0.1:%d
					""".formatted(closedPort()));
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	private GatewayFixture() {
	}

	/** The upstream and the policy alone: the actuator stays on the API port. */
	public static void registerGateway(DynamicPropertyRegistry properties) {
		gateway().forEach((name, value) -> properties.add(name, () -> value));
	}

	private static Map<String, Object> gateway() {
		return Map.of("gatehouse.gateway.upstream", UPSTREAM.url(), "gatehouse.gateway.policy", POLICY.toString(),
				"gatehouse.gateway.read-timeout", "1s");
	}

	/** The gateway's settings for every {@link GatewayTest}, above any file's. */
	static final class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> settings = new HashMap<>(gateway());
			// Prometheus answers only on a management port of its own (system/ActuatorExposure).
			settings.put("management.server.port", "0");
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gatewayFixture", settings));
		}
	}

	/** A user of {@code company} whose role holds {@code perms}. */
	static TestUser userWith(Directory directory, String company, Map<String, String> perms) {
		String role = Directory.unique("role");
		directory.asAdmin("create", "role", Map.of("values", Map.of("name", role, "company", company, "perms", perms)));
		return directory.newUser(company, role);
	}

	static String key(Directory directory, long userId, Object restrict) {
		return directory.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", userId, "restrict", restrict)))
			.json().path("values").path(0).path("token").asString();
	}

	static String[] keyHeader(String key, String... more) {
		String[] headers = new String[more.length + 2];
		headers[0] = "Authorization";
		headers[1] = "token auth=" + key;
		System.arraycopy(more, 0, headers, 2, more.length);
		return headers;
	}

	/** The Prometheus scrape of the instance whose management port is {@code managementPort}. */
	static String metrics(int managementPort) {
		Api.Reply scrape = new Api(managementPort).get("/actuator/prometheus");
		if (scrape.status() != 200) {
			throw new AssertionError("scrape failed: " + scrape);
		}
		return scrape.body();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
