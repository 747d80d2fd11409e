import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.mkammerer.argon2.Argon2Factory;

/**
 * The one performance benchmark (run it with bench/run): starts the packaged service on a fresh
 * embedded store as the README runs it (the extracted jar with its class data sharing archive and
 * {@code -Xmx128m}: {@link #README_FLAGS}; nothing but the data directory,
 * port and admin password set), times start to healthy, then runs every case in interleaved rounds over
 * loopback and prints one table. Per case and round: a closed loop at the highest rate it reaches
 * (calls/s, and the server's CPU time per call from /proc/<pid>/stat, which hardly depends on what
 * else runs on this machine), then a fixed-rate load at half the best rate measured so far, timed
 * from each call's scheduled start (so a stalled server cannot hide its queue), for p50 and p99.
 * Resident memory is the server's peak VmRSS after each phase. Each figure is the median of rounds.
 *
 * Args: [--smoke] [--rounds N] [--seconds S] [--clients C] [--env NAME=VALUE]... [--jvm-arg ARG]...
 */
public class Bench {

	record Case(String name, String method, String path, String body, String... headers) {
	}

	record Sample(double perSecond, double cpuMs, long errors) {
	}

	static final String ADMIN_PASSWORD = "bench-admin-password-" + Long.toHexString(System.nanoTime());

	static final Locale L = Locale.ROOT;

	/** What README.md's {@code java -jar} command runs: the extracted jar that mvn package trained. */
	static final Path README_JAR = Path.of("target", "gatehouse", "gatehouse-0.1.0.jar");

	/** The JVM flags README.md's {@code java -jar} command carries. */
	static final List<String> README_FLAGS = List.of("-XX:SharedArchiveFile=target/gatehouse/gatehouse.jsa", "-Xmx128m");

	static int port;

	static long pid;

	static long peakRssKb;

	static double startCpuSeconds;

	public static void main(String[] args) throws Exception {
		boolean smoke = false;
		int rounds = 3, seconds = 5, clients = 8;
		List<String> env = new ArrayList<>(), jvmArgs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--smoke" -> smoke = true;
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--seconds" -> seconds = Integer.parseInt(args[++i]);
				case "--clients" -> clients = Integer.parseInt(args[++i]);
				case "--env" -> env.add(args[++i]);
				case "--jvm-arg" -> jvmArgs.add(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (smoke) {
			rounds = 1;
			seconds = 1;
		}
		if (!Files.exists(README_JAR)) {
			throw new IllegalStateException("no " + README_JAR + ": run mvn package first");
		}
		Path dataDir = Files.createTempDirectory("gatehouse-bench");
		port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(README_FLAGS);
		command.addAll(jvmArgs);
		command.addAll(List.of("-jar", README_JAR.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("server.log").toFile());
		builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.resolve("data").toString());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("GATEHOUSE_ADMIN_PASSWORD", ADMIN_PASSWORD);
		for (String pair : env) {
			builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		long launched = System.nanoTime();
		Process server = builder.start();
		pid = server.pid();
		try {
			double startSeconds = awaitHealthy(server, launched, dataDir);
			startCpuSeconds = serverCpuTicks() / 100.0;
			run(smoke, rounds, seconds, clients, startSeconds, String.join(" ", jvmArgs) + " " + String.join(" ", env));
		}
		finally {
			server.destroy();
			if (!server.waitFor(40, TimeUnit.SECONDS)) {
				server.destroyForcibly().waitFor();
			}
			deleteTree(dataDir);
		}
	}

	static void run(boolean smoke, int rounds, int seconds, int clients, double startSeconds, String settings)
			throws Exception {
		String adminLogin = "{\"auth\":{\"type\":\"auth\",\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}}";
		String cookie = field(call("POST", "/rest/auth/", adminLogin), "session");
		String[] withCookie = { "Cookie", "Red60urne=" + cookie };
		String key = field(call("POST", "/rest/ops/create/authinfo", "{\"values\":{\"contact_id\":1}}", withCookie), "token");
		// Logins under load use a user of their own, so their sessions never evict the cookie case's.
		call("POST", "/rest/ops/create/company", "{\"values\":{\"id\":\"bench\",\"name\":\"Bench\"}}", withCookie);
		call("POST", "/rest/ops/create/user", "{\"values\":{\"login\":\"bench-login\",\"password\":\"" + ADMIN_PASSWORD
				+ "\",\"company\":\"bench\",\"role\":\"User\"}}", withCookie);
		String userLogin = "{\"auth\":{\"type\":\"auth\",\"username\":\"bench-login\",\"password\":\"" + ADMIN_PASSWORD + "\"}}";
		List<Case> cases = List.of(new Case("liveness", "GET", "/actuator/health/liveness", ""),
				new Case("Auth Key who am I", "POST", "/rest/auth/", "{}", "Authorization", "token auth=" + key),
				new Case("cookie who am I", "POST", "/rest/auth/", "{}", withCookie),
				new Case("password login", "POST", "/rest/auth/", userLogin));
		Map<Case, List<Sample>> max = new LinkedHashMap<>();
		Map<Case, List<double[]>> latency = new LinkedHashMap<>();
		cases.forEach((c) -> { max.put(c, new ArrayList<>()); latency.put(c, new ArrayList<>()); });
		for (Case c : cases) {   // warm-up: let the JIT compile every path before anything counts
			closedLoop(c, clients, smoke ? 1 : Math.max(10, seconds));
		}
		if (!smoke) {
			warmUntilCompiled(cases, clients, seconds);
		}
		for (int round = 0; round < rounds; round++) {
			for (Case c : cases) {
				max.get(c).add(closedLoop(c, clients, seconds));
				double half = median(max.get(c).stream().mapToDouble(Sample::perSecond).toArray()) / 2;
				latency.get(c).add(fixedRate(c, Math.max(half, 1), seconds, clients * 4));
			}
		}
		double hashMs = nativeHashCpuMs(smoke ? 3 : 30);
		print(cases, max, latency, hashMs, startSeconds, rounds, seconds, clients, settings);
	}

	static void print(List<Case> cases, Map<Case, List<Sample>> max, Map<Case, List<double[]>> latency, double hashMs,
			double startSeconds, int rounds, int seconds, int clients, String settings) throws IOException {
		double[] rate = new double[cases.size()], cpu = new double[cases.size()];
		for (int i = 0; i < cases.size(); i++) {
			rate[i] = median(max.get(cases.get(i)).stream().mapToDouble(Sample::perSecond).toArray());
			cpu[i] = median(max.get(cases.get(i)).stream().mapToDouble(Sample::cpuMs).toArray());
		}
		String cpuModel = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter((line) -> line.startsWith("model name"))
			.findFirst().map((line) -> line.substring(line.indexOf(':') + 2)).orElse("unknown CPU");
		System.out.printf(L, "%nGatehouse benchmark: %s, %d cores, load average %s at the end (the machine's other work), java %s%n",
				cpuModel, Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).split(" ")[0],
				System.getProperty("java.version"));
		System.out.printf(L, "%d rounds, %d s per phase, %d clients, server settings: %s%n%n", rounds, seconds, clients,
				settings.isBlank() ? "as the README runs it (" + String.join(" ", README_FLAGS) + ")"
						: String.join(" ", README_FLAGS) + " " + settings.trim());
		System.out.println("| figure | Gatehouse | goal | Keycloak 26.7 (issue 13) |");
		System.out.println("|---|---|---|---|");
		for (int i = 0; i < cases.size(); i++) {
			double[] p50 = latency.get(cases.get(i)).stream().mapToDouble((l) -> l[0]).toArray();
			double[] p99 = latency.get(cases.get(i)).stream().mapToDouble((l) -> l[1]).toArray();
			double[] at = latency.get(cases.get(i)).stream().mapToDouble((l) -> l[2]).toArray();
			System.out.printf(L, "| %s: calls/s, closed loop (answers not 200) | %.0f (%d) | | |%n", cases.get(i).name(), rate[i],
					max.get(cases.get(i)).stream().mapToLong(Sample::errors).sum());
			System.out.printf(L, "| %s: server CPU ms per call | %.3f | %s | %s |%n", cases.get(i).name(), cpu[i],
					i == 1 ? "≤0.136" : "", i == 0 ? "0.136 (`GET /realms/x`)" : i == 3 ? "114" : "");
			System.out.printf(L, "| %s: p50 / p99 ms at %.0f calls/s (fixed rate) | %.2f / %.2f | p99 <5 | |%n", cases.get(i).name(),
					median(at), median(p50), median(p99));
		}
		System.out.printf(L, "| Auth Key calls/s ÷ liveness calls/s | %.2f | ≥0.95 | 0.21 (introspection) |%n", rate[1] / rate[0]);
		System.out.printf(L, "| cookie calls/s ÷ liveness calls/s | %.2f | ≥0.90 | 0.42 (userinfo) |%n", rate[2] / rate[0]);
		System.out.printf(L, "| native libargon2 hash alone: CPU ms | %.1f | | |%n", hashMs);
		System.out.printf(L, "| CPU per password login ÷ hash alone | %.2f | ≤1.2 | 5.3 (114 ms ÷ 21.5) |%n", cpu[3] / hashMs);
		System.out.printf(L, "| peak resident memory (VmRSS), MB | %.0f | <400 | 600-740 |%n", peakRssKb / 1024.0);
		System.out.printf(L, "| start to healthy, s (server CPU s spent on it) | %.2f (%.1f) | <5 | 17.2 |%n", startSeconds,
				startCpuSeconds);
	}

	static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	/** Every client sends its next call as soon as the last is answered. */
	static Sample closedLoop(Case c, int clients, int seconds) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong done = new AtomicLong(), errors = new AtomicLong();
		long cpuBefore = serverCpuTicks(), started = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			threads.add(started(() -> {
				try (Connection connection = new Connection(c)) {
					while (System.nanoTime() < end) {
						(connection.send() == 200 ? done : errors).incrementAndGet();
					}
				}
				catch (IOException failed) {
					errors.incrementAndGet();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long calls = done.get() + errors.get();
		double cpuMs = (serverCpuTicks() - cpuBefore) * 1000.0 / 100 / Math.max(calls, 1);
		sampleRss();
		return new Sample(done.get() / elapsed, cpuMs, errors.get());
	}

	/** Calls start on a fixed schedule whatever the answers do; latency counts from the scheduled start. */
	static double[] fixedRate(Case c, double perSecond, int seconds, int connections) throws Exception {
		long interval = (long) (1e9 / perSecond), start = System.nanoTime() + 10_000_000L;
		long total = (long) (perSecond * seconds);
		AtomicLong next = new AtomicLong();
		long[] latencies = new long[(int) total];
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			threads.add(started(() -> {
				try (Connection connection = new Connection(c)) {
					for (long slot = next.getAndIncrement(); slot < total; slot = next.getAndIncrement()) {
						long due = start + slot * interval;
						for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						connection.send();
						latencies[(int) slot] = System.nanoTime() - due;
					}
				}
				catch (IOException failed) {
					throw new IllegalStateException(failed);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		sampleRss();
		Arrays.sort(latencies);
		return new double[] { latencies[(int) (total * 0.50)] / 1e6, latencies[(int) Math.min(total - 1, total * 0.99)] / 1e6, perSecond };
	}

	/** One keep-alive HTTP/1.1 connection sending one case's request again and again: cheap enough to leave the cores to the server. */
	static final class Connection implements AutoCloseable {

		private final byte[] request;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		Connection(Case c) throws IOException {
			StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
			for (int i = 0; i < c.headers().length; i += 2) {
				head.append(c.headers()[i]).append(": ").append(c.headers()[i + 1]).append("\r\n");
			}
			byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
			if (!c.method().equals("GET")) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			bytes.writeBytes(c.method().equals("GET") ? new byte[0] : body);
			this.request = bytes.toByteArray();
			connect();
		}

		private void connect() throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			this.socket.setSoTimeout(30_000);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream());
		}

		/** Sends the request, reads the whole answer, answers its status. */
		int send() throws IOException {
			this.out.write(this.request);
			this.out.flush();
			String status = line();
			long length = -1;
			boolean chunked = false, closing = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(L);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closing = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
					this.in.skipNBytes(size);
					line();
				}
				line();
			}
			else if (length > 0) {
				this.in.skipNBytes(length);
			}
			if (closing) {   // Tomcat closes a keep-alive connection after 100 calls, as servers do: open the next
				this.socket.close();
				connect();
			}
			return Integer.parseInt(status.substring(9, 12));
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new IOException("connection closed");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}
	}

	static double nativeHashCpuMs(int hashes) {
		de.mkammerer.argon2.Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
		argon2.hash(2, 19 * 1024, 1, "warm-up".toCharArray());
		var threads = ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < hashes; i++) {
			argon2.hash(2, 19 * 1024, 1, ("password-" + i).toCharArray());
		}
		return (threads.getCurrentThreadCpuTime() - before) / 1e6 / hashes;
	}

	static double awaitHealthy(Process server, long launched, Path dataDir) throws Exception {
		long deadline = launched + TimeUnit.SECONDS.toNanos(600);
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the server exited: " + Files.readString(dataDir.resolve("server.log")));
			}
			try (Connection health = new Connection(new Case("health", "GET", "/actuator/health", ""))) {
				if (health.send() == 200) {
					return (System.nanoTime() - launched) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("not healthy within 600 s: " + Files.readString(dataDir.resolve("server.log")));
	}

	/**
	 * More warm-up rounds of every case until the server's JIT compiler threads spent under 5% of its
	 * CPU in a round (at most 5 minutes): on a busy machine C2 keeps compiling the call paths for
	 * minutes, and its CPU counts in a call's cost until it is done (three times the settled figure).
	 */
	static void warmUntilCompiled(List<Case> cases, int clients, int seconds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		double share = 1;
		while (share >= 0.05 && System.nanoTime() < deadline) {
			long cpu = serverCpuTicks(), compiler = compilerTicks();
			for (Case c : cases) {
				closedLoop(c, clients, seconds);
			}
			share = (compilerTicks() - compiler) / (double) Math.max(1, serverCpuTicks() - cpu);
			System.err.printf(L, "warm-up: JIT compilers took %.0f%% of the server's CPU%n", share * 100);
		}
	}

	static long compilerTicks() throws IOException {
		long ticks = 0;
		try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path thread : threads.toList()) {
				try {
					String stat = Files.readString(thread.resolve("stat"));
					if (stat.contains("(C1 CompilerThre") || stat.contains("(C2 CompilerThre")) {
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (NoSuchFileException ended) {
					// a compiler thread that ended took its ticks with it
				}
			}
		}
		return ticks;
	}

	static long serverCpuTicks() throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime (fields 14 and 15)
	}

	static void sampleRss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
			}
		}
	}

	/** A one-off call for setting up, through a fresh connection. */
	static String call(String method, String path, String body, String... headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
			for (int i = 0; i < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			socket.getOutputStream().write((head + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!answer.startsWith("HTTP/1.1 200")) {
				throw new IllegalStateException(method + " " + path + " answered " + answer.lines().findFirst().orElse(""));
			}
			return answer;
		}
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in the answer");
		}
		return matcher.group(1);
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void deleteTree(Path root) throws IOException {
		try (var paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}
}
