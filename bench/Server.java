import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service started as the README runs it (the extracted jar with its class data sharing
 * archive and {@code -Xmx128m}: {@link #README_FLAGS}; nothing but the data directory, port, admin
 * password and Tomcat's base directory set), on a fresh embedded store in a directory of its own,
 * with the time and CPU its start to healthy took. Closing it stops the process and deletes the
 * directory.
 */
final class Server implements AutoCloseable {

	/** What README.md's {@code java -jar} command runs: the extracted jar that mvn package trained. */
	static final Path README_JAR = Path.of("target", "gatehouse", "gatehouse-0.1.0.jar");

	/** The JVM flags README.md's {@code java -jar} command carries. */
	static final List<String> README_FLAGS = List.of("-XX:SharedArchiveFile=target/gatehouse/gatehouse.jsa", "-Xmx128m");

	final int port;

	final ProcStat stat;

	/** Wall seconds from launch to the first healthy answer, and the CPU seconds the process spent until then. */
	final double startSeconds, startCpuSeconds;

	private final Process process;

	private final Path dir;

	private Server(Process process, int port, Path dir, double startSeconds) throws IOException {
		this.process = process;
		this.port = port;
		this.dir = dir;
		this.stat = new ProcStat(process.pid());
		this.startSeconds = startSeconds;
		this.startCpuSeconds = this.stat.cpuTicks() / ProcStat.TICKS_PER_SECOND;
	}

	/** Starts one and waits until it is healthy; {@code env} holds NAME=VALUE pairs. */
	static Server start(List<String> jvmArgs, List<String> env, String adminPassword) throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-bench");
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(README_FLAGS);
		command.addAll(jvmArgs);
		command.addAll(List.of("-jar", README_JAR.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("server.log").toFile());
		builder.environment().put("GATEHOUSE_DATA_DIR", dir.resolve("data").toString());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("GATEHOUSE_ADMIN_PASSWORD", adminPassword);
		// Tomcat's base directory inside the one deleted at the end, not a /tmp/tomcat.* left behind.
		builder.environment().put("SERVER_TOMCAT_BASEDIR", dir.resolve("tomcat").toString());
		for (String pair : env) {
			builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		long launched = System.nanoTime();
		Process process = builder.start();
		try {
			return new Server(process, port, dir, awaitHealthy(process, port, launched, dir));
		}
		catch (Exception | Error failed) {
			stop(process, dir);
			throw failed;
		}
	}

	@Override
	public void close() throws Exception {
		stop(this.process, this.dir);
	}

	private static void stop(Process process, Path dir) throws Exception {
		process.destroy();
		if (!process.waitFor(40, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	private static double awaitHealthy(Process server, int port, long launched, Path dir) throws Exception {
		long deadline = launched + TimeUnit.SECONDS.toNanos(600);
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the server exited: " + Files.readString(dir.resolve("server.log")));
			}
			try (Connection health = new Connection(port, new Load.Case("health", "GET", "/actuator/health", ""))) {
				if (health.send() == 200) {
					return (System.nanoTime() - launched) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("not healthy within 600 s: " + Files.readString(dir.resolve("server.log")));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
