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

import org.springframework.util.FileSystemUtils;

/**
 * The service that {@code mvn package} built, started as the README runs it (the extracted jar in
 * {@code target/gatehouse/} with its class data sharing archive), in its own process until closed
 * (SIGTERM, as a service manager stops it) or {@link #kill() killed}. Only the environment given
 * configures it: the test's own datasource and admin password settings are not passed on. Its
 * temporary files (Tomcat's base directory among them) go to a directory of its own, deleted when it
 * ends: a killed process cannot delete them itself.
 */
final class RunningJar implements AutoCloseable {

	private static final Path EXTRACTED = Paths.get("target", "gatehouse");

	private final Process process;

	private final Path scratch;

	private final List<String> lines = new ArrayList<>();

	private RunningJar(Process process, Path scratch) {
		this.process = process;
		this.scratch = scratch;
		Thread reader = new Thread(this::readOutput);
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts the jar with these environment variables and waits until it serves. */
	static RunningJar start(Map<String, String> environment) throws Exception {
		Path scratch = Files.createTempDirectory("gatehouse-jar-");
		ProcessBuilder builder = new ProcessBuilder(java(scratch));
		builder.environment().remove("GATEHOUSE_ADMIN_PASSWORD");
		builder.environment().remove("SPRING_DATASOURCE_URL");
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true);
		RunningJar jar = new RunningJar(builder.start(), scratch);
		try {
			jar.awaitOutput("Started GatehouseApplication");
		}
		catch (IllegalStateException notStarted) {
			jar.close();
			throw notStarted;
		}
		return jar;
	}

	/**
	 * Runs {@code java -jar gatehouse.jar admin args...} to its end with these environment variables
	 * and {@code stdin}; answers its exit status, standard output and standard error.
	 */
	static Finished admin(Map<String, String> environment, String stdin, String... args) throws Exception {
		Path scratch = Files.createTempDirectory("gatehouse-admin-");
		List<String> command = new ArrayList<>(java(scratch));
		command.add("admin");
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove("GATEHOUSE_ADMIN_PASSWORD");
		builder.environment().remove("SPRING_DATASOURCE_URL");
		builder.environment().putAll(environment);
		Path out = scratch.resolve("admin.out");
		Path err = scratch.resolve("admin.err");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		try {
			process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("admin " + args[0] + " did not end");
			}
			return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
		}
		finally {
			FileSystemUtils.deleteRecursively(scratch);
		}
	}

	/** How a process that ran to its end ended. */
	record Finished(int status, String out, String err) {
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * {@code java -jar} of the extracted jar with its class data archive, as the README runs it, but
	 * C1 only: a third of the CPU of a start or an admin command (which is most of what these tests
	 * cost), and nothing they check depends on how the JVM compiles. Its temporary directory is
	 * {@code scratch}.
	 */
	private static List<String> java(Path scratch) throws IOException {
		return List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-XX:SharedArchiveFile=" + EXTRACTED.resolve("gatehouse.jsa"), "-Djava.io.tmpdir=" + scratch, "-jar",
				jar().toString());
	}

	private static Path jar() throws IOException {
		try (var files = Files.list(EXTRACTED)) {
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

	/** SIGKILL: the process ends at once, with no shutdown of any kind, as on a crash or OOM kill. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException, IOException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		FileSystemUtils.deleteRecursively(this.scratch);
	}
}
