package com.gatehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's way of running Gatehouse, as a user does it: the jar that {@code mvn package}
 * built, started as a process with only {@code GATEHOUSE_DATA_DIR} and {@code SERVER_PORT} set.
 * The first start makes the store there and prints a generated admin password once; a restart
 * changes nothing. Runs in the integration-test phase, after the jar exists.
 */
class PackagedJarIT {

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("generated password of System-Admin 'admin' is: (\\S+)");

	@TempDir
	Path dataDir;

	@Test
	void firstStartCreatesTheStoreAndPrintsTheAdminPasswordOnceAndRestartChangesNothing() throws Exception {
		int port = freePort();
		String password;
		try (RunningJar first = RunningJar.start(this.dataDir, port)) {
			first.awaitOutput("It is shown only this once");
			Matcher printed = GENERATED_PASSWORD.matcher(first.output());
			assertThat(printed.find()).as(first.output()).isTrue();
			password = printed.group(1);
			assertThat(password).hasSizeGreaterThanOrEqualTo(12);
			assertThat(login(port, password).status()).isEqualTo(200);
		}
		try (var stored = Files.list(this.dataDir)) {
			assertThat(stored).anyMatch((file) -> file.getFileName().toString().startsWith("gatehouse"));
		}

		try (RunningJar second = RunningJar.start(this.dataDir, port)) {
			assertThat(second.output()).doesNotContain("generated password");
			Api.Reply reply = login(port, password);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().path("user").path("perms").path("admin").asString()).isEqualTo("yes");
		}
	}

	private static Api.Reply login(int port, String password) {
		return new Api(port).post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", "admin", "password", password)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The packaged jar running in its own process until closed (SIGTERM, as a service manager does). */
	private static final class RunningJar implements AutoCloseable {

		private final Process process;

		private final List<String> lines = new ArrayList<>();

		private RunningJar(Process process) {
			this.process = process;
			Thread reader = new Thread(this::readOutput);
			reader.setDaemon(true);
			reader.start();
		}

		static RunningJar start(Path dataDir, int port) throws Exception {
			ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
					"-jar", jar().toString());
			builder.environment().remove("GATEHOUSE_ADMIN_PASSWORD");
			builder.environment().remove("SPRING_DATASOURCE_URL");
			builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.redirectErrorStream(true);
			RunningJar jar = new RunningJar(builder.start());
			jar.awaitOutput("Started GatehouseApplication");
			return jar;
		}

		private static Path jar() throws IOException {
			try (var files = Files.list(Paths.get("target"))) {
				return files.filter((file) -> file.getFileName().toString().matches("gatehouse-.*\\.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("run 'mvn package' first"));
			}
		}

		private void readOutput() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					synchronized (this.lines) {
						this.lines.add(line);
					}
				}
			}
			catch (IOException ended) {
				// the process is gone; what it printed is kept
			}
		}

		/** Waits (polling: this is another process, no clock to move) until a line contains {@code text}. */
		void awaitOutput(String text) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (!output().contains(text)) {
				if (System.nanoTime() > deadline || !this.process.isAlive()) {
					throw new IllegalStateException("no '" + text + "' in the output:\n" + output());
				}
				Thread.sleep(100);
			}
		}

		String output() {
			synchronized (this.lines) {
				return String.join("\n", this.lines);
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}
}
