import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the authentication hot path against a running Gatehouse on this machine
 * (loopback only, bounded in time). It measures, in one run, calls per second for: a call with no
 * credentials (the floor: envelope, routing, JSON failure), a "who am I" call with an Auth Key, and
 * one with a session cookie, and prints each as a ratio of the floor, because this machine is
 * shared and absolute numbers drift. Password logins are measured apart: Argon2id dominates them.
 *
 * Run: java bench/AuthLoad.java [baseUrl] [adminPassword] [threads] [secondsPerCase]
 */
public class AuthLoad {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
		String password = args.length > 1 ? args[1] : System.getenv("GATEHOUSE_ADMIN_PASSWORD");
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
			throw new IllegalArgumentException("this benchmark only targets a server on this machine");
		}
		String login = "{\"auth\":{\"type\":\"auth\",\"username\":\"admin\",\"password\":\"" + password + "\"}}";
		HttpResponse<String> session = post(base + "/rest/auth/", login);
		String cookie = field(session.body(), "session");
		String key = field(post(base + "/rest/ops/create/authinfo", "{\"values\":{\"contact_id\":1}}", "Cookie",
				"Red60urne=" + cookie).body(), "token");

		double floor = rate("no credentials (401)", base + "/rest/ops/read/company", "{}", threads, seconds);
		double keyed = rate("Auth Key, who am I", base + "/rest/auth/", "{}", threads, seconds, "Authorization",
				"token auth=" + key);
		double cookied = rate("session cookie, who am I", base + "/rest/auth/", "{}", threads, seconds, "Cookie",
				"Red60urne=" + cookie);
		double logins = rate("password login", base + "/rest/auth/", login, threads, seconds);
		System.out.printf("%nratio key/floor     %.2f%nratio session/floor %.2f%nratio login/floor   %.3f%n",
				keyed / floor, cookied / floor, logins / floor);
	}

	static double rate(String name, String url, String body, int threads, int seconds, String... headers)
			throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicLong ok = new AtomicLong();
		AtomicLong other = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			workers.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					int status = post(url, body, headers).statusCode();
					(status == 200 || (status == 401 && headers.length == 0 && body.equals("{}")) ? ok : other)
						.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		double perSecond = ok.get() / (double) seconds;
		System.out.printf("%-26s %9.1f calls/s  (%d unexpected answers)%n", name, perSecond, other.get());
		return perSecond;
	}

	static HttpResponse<String> post(String url, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception failure) {
			throw new IllegalStateException(failure);
		}
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}
}
