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
 * its own upstream on loopback (a small JSON answer, as a CDR read of one row), starts the packaged
 * jar with GATEHOUSE_GATEWAY_UPSTREAM pointing at it and a one-rule policy (embedded H2 in a
 * temporary directory), makes an Auth Key, then alternates direct and gateway rounds so that both
 * see the same machine load. It stops the jar and removes its files when done.
 *
 * Run: mvn -q package -DskipTests && java bench/GatewayLoad.java [jar] [threads] [secondsPerRound] [rounds]
 */
public class GatewayLoad {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final String BODY = "{\"type\":\"cdr\",\"scope\":{\"minDate\":1700000000000}}";

	static final byte[] ANSWER = "{\"result\":\"success\",\"values\":[{\"id\":1,\"src\":\"201\",\"dst\":\"202\",\"duration\":42}]}"
		.getBytes(StandardCharsets.UTF_8);

	public static void main(String[] args) throws Exception {
		String jar = args.length > 0 ? args[0] : "target/gatehouse-0.1.0.jar";
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		upstream.setExecutor(Executors.newFixedThreadPool(threads * 2));
		upstream.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
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
			rate(direct + "/rest/call/read/cdr", threads, 3, auth);
			rate(base + "/rest/call/read/cdr", threads, 3, auth);
			double directTotal = 0;
			double gatewayTotal = 0;
			for (int round = 1; round <= rounds; round++) {
				double d = rate(direct + "/rest/call/read/cdr", threads, seconds, auth);
				double g = rate(base + "/rest/call/read/cdr", threads, seconds, auth);
				System.out.printf("round %d: direct %8.1f calls/s, gateway %8.1f calls/s, ratio %.2f%n", round, d, g, g / d);
				directTotal += d;
				gatewayTotal += g;
			}
			System.out.printf("%ngateway/direct over %d rounds: %.2f (goal >= 0.80)%n", rounds, gatewayTotal / directTotal);
		}
		finally {
			gatehouse.destroy();
			gatehouse.waitFor();
			upstream.stop(0);
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
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
