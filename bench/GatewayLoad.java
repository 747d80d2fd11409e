import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's cost (issue 11): a key-authenticated call through Gatehouse's gateway against the
 * same call made directly to the upstream, in one run, as a ratio (goal: at least 0.8). It starts
 * its own upstream on loopback (a small JSON answer, as a CDR read of one row, after a service time
 * of {@code upstreamMillis}, as a PBX service's database read takes), starts the packaged jar with
 * GATEHOUSE_GATEWAY_UPSTREAM pointing at it and a one-rule policy (embedded H2 in a temporary
 * directory), makes an Auth Key, then runs rounds of three phases so that all see the same machine
 * load: direct, through the gateway, and Gatehouse's own "who am I" with the same key (what the
 * authentication alone costs). For each it prints the rate and, for Gatehouse, its CPU milliseconds
 * per call (all its threads, from the OS), which the machine's other work disturbs far less than a
 * rate. It stops the jar and removes its files when done.
 *
 * Fairness: one HTTP/1.1 client with kept-alive connections for all phases, the same concurrency
 * and body, warm-up rounds first. The upstream sets TCP_NODELAY: without it the JDK's HttpServer
 * (which writes an answer's head and body apart) waits for a delayed ACK on every answer, so each
 * call took about 40 ms whatever either side did.
 *
 * Run: mvn -q package -DskipTests && java bench/GatewayLoad.java [jar] [threads] [secondsPerRound] [rounds] [upstreamMillis]
 */
public class GatewayLoad {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final String BODY = "{\"type\":\"cdr\",\"scope\":{\"minDate\":1700000000000}}";

	static final byte[] ANSWER = "{\"result\":\"success\",\"values\":[{\"id\":1,\"src\":\"201\",\"dst\":\"202\",\"duration\":42}]}"
		.getBytes(StandardCharsets.UTF_8);

	public static void main(String[] args) throws Exception {
		String jar = args.length > 0 ? args[0] : "target/gatehouse-0.1.0.jar";
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
		int upstreamMillis = args.length > 4 ? Integer.parseInt(args[4]) : 10;
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		ExecutorService answering = Executors.newFixedThreadPool(threads * 2);
		upstream.setExecutor(answering);
		upstream.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			if (upstreamMillis > 0) {
				try {
					Thread.sleep(upstreamMillis);
				}
				catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
				}
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, ANSWER.length);
			exchange.getResponseBody().write(ANSWER);
			exchange.close();
		});
		upstream.start();
		String direct = "http://127.0.0.1:" + upstream.getAddress().getPort();
		Path dir = Files.createTempDirectory("gatehouse-gateway-bench");
		Path policy = Files.writeString(dir.resolve("policy.yaml"),
				"routes:\n  - match: {section: call, verb: read, type: cdr}\n    require: {perm: admin, level: company}\n");
		int port = freePort();
		ProcessBuilder start = new ProcessBuilder("java", "-jar", jar, "--server.port=" + port).inheritIO();
		start.environment().put("GATEHOUSE_DATA_DIR", dir.resolve("data").toString());
		start.environment().put("GATEHOUSE_ADMIN_PASSWORD", "bench-admin-password");
		start.environment().put("GATEHOUSE_GATEWAY_UPSTREAM", direct);
		start.environment().put("GATEHOUSE_GATEWAY_POLICY", policy.toString());
		Process gatehouse = start.redirectOutput(dir.resolve("gatehouse.log").toFile()).start();
		try {
			String base = "http://127.0.0.1:" + port;
			awaitHealth(base);
			String session = field(post(base + "/rest/auth/",
					"{\"auth\":{\"type\":\"auth\",\"username\":\"admin\",\"password\":\"bench-admin-password\"}}").body(), "session");
			String key = field(post(base + "/rest/ops/create/authinfo", "{\"values\":{\"contact_id\":1}}", "Cookie",
					"Red60urne=" + session).body(), "token");
			String[] auth = { "Authorization", "token auth=" + key };
			ProcessHandle server = gatehouse.toHandle();
			String viaDirect = direct + "/rest/call/read/cdr";
			String viaGateway = base + "/rest/call/read/cdr";
			String whoAmI = base + "/rest/auth/";
			// The JIT is still compiling the gateway's path after some thousand calls; its threads count as Gatehouse's CPU.
			for (int warm = 0; warm < 4; warm++) {
				rate(viaDirect, threads, seconds, auth);
				rate(viaGateway, threads, seconds, auth);
				rate(whoAmI, threads, seconds, auth);
			}
			System.out.printf("%d clients, %d s per phase, upstream service time %d ms%n", threads, seconds, upstreamMillis);
			double directTotal = 0;
			double gatewayTotal = 0;
			double gatewayCpu = 0;
			double ownCpu = 0;
			for (int round = 1; round <= rounds; round++) {
				double d = rate(viaDirect, threads, seconds, auth);
				long before = cpuNanos(server);
				double g = rate(viaGateway, threads, seconds, auth);
				double gCpu = (cpuNanos(server) - before) / 1e6 / (g * seconds);
				before = cpuNanos(server);
				double o = rate(whoAmI, threads, seconds, auth);
				double oCpu = (cpuNanos(server) - before) / 1e6 / (o * seconds);
				System.out.printf("round %d: direct %7.1f calls/s, gateway %7.1f calls/s (ratio %.2f, Gatehouse CPU %.3f ms/call), "
						+ "who am I %7.1f calls/s (CPU %.3f ms/call)%n", round, d, g, g / d, gCpu, o, oCpu);
				directTotal += d;
				gatewayTotal += g;
				gatewayCpu += gCpu;
				ownCpu += oCpu;
			}
			System.out.printf("%ngateway/direct over %d rounds: %.2f (goal >= 0.80); Gatehouse CPU ms per call: gateway %.3f, "
					+ "who am I %.3f%n", rounds, gatewayTotal / directTotal, gatewayCpu / rounds, ownCpu / rounds);
		}
		finally {
			gatehouse.destroy();
			gatehouse.waitFor();
			upstream.stop(0);
			answering.shutdownNow();
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	static long cpuNanos(ProcessHandle process) {
		return process.info().totalCpuDuration().orElseThrow().toNanos();
	}

	/** Successful calls per second of {@code threads} clients posting BODY to {@code url} for {@code seconds}. */
	static double rate(String url, int threads, int seconds, String... headers) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					(post(url, BODY, headers).statusCode() == 200 ? ok : failed).incrementAndGet();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		if (failed.get() > 0) {
			System.out.printf("  %s: %d answers were not 200%n", url, failed.get());
		}
		return ok.get() / (double) seconds;
	}

	static HttpResponse<String> post(String url, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException failure) {
			throw new IllegalStateException(failure);
		}
	}

	static void awaitHealth(String base) throws InterruptedException {
		for (int attempt = 0; attempt < 240; attempt++) {
			try {
				if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Gatehouse did not start");
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
