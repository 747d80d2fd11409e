import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one performance benchmark (run it with bench/run): starts the packaged service on a fresh
 * embedded store as the README runs it ({@link Server}, which times its start to healthy), warms
 * up, then runs every case in interleaved rounds over loopback ({@link Load}) beside the hash alone
 * ({@link HashAlone}, as many at once as the server hashes, and one at a time as the yardstick of the
 * machine's speed), and in every round starts another server on a fresh store of its own and times
 * that start too; it prints one table ({@link Table}). CPU figures come from /proc ({@link ProcStat}).
 *
 * Args: [--smoke] [--rounds N] [--seconds S] [--clients C] [--env NAME=VALUE]... [--jvm-arg ARG]...
 */
public class Bench {

	static final String ADMIN_PASSWORD = "bench-admin-password-" + Long.toHexString(System.nanoTime());

	/** The longest any warm-up rule may run. */
	static final long WARM_UP_LIMIT = TimeUnit.MINUTES.toNanos(5);

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
		if (!Files.exists(Server.README_JAR)) {
			throw new IllegalStateException("no " + Server.README_JAR + ": run mvn package first");
		}
		String settings = String.join(" ", jvmArgs) + " " + String.join(" ", env);
		String flags = settings.isBlank() ? "as the README runs it (" + String.join(" ", Server.README_FLAGS) + ")"
				: String.join(" ", Server.README_FLAGS) + " " + settings.trim();
		Supplier<Server> freshStart = () -> {
			try {
				return Server.start(jvmArgs, env, ADMIN_PASSWORD);
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		};
		try (Server server = freshStart.get(); GatewayCase gateway = GatewayCase.start(jvmArgs, env, 0)) {
			int hashThreads = Runtime.getRuntime().availableProcessors();   // the server's hash slots: one per CPU
			try (HashAlone hash = new HashAlone(List.of("-Xmx128m"), hashThreads);
					HashAlone oneHash = new HashAlone(List.of("-Xmx128m"), 1)) {
				Table.Results results = run(new Load(server.port, server.stat), server, gateway, hash, oneHash,
						setUp(server.port), freshStart, smoke, rounds, seconds, clients, hashThreads);
				Table.print(results, rounds, seconds, clients, flags);
			}
		}
	}

	/** Makes the cases' credentials: an admin session, an Auth Key, and a user of the logins' own. */
	static List<Load.Case> setUp(int port) throws IOException {
		String[] withCookie = adminCookie(port);
		String key = adminKey(port, withCookie);
		// Logins under load use a user of their own, so their sessions never evict the cookie case's.
		Connection.call(port, "POST", "/rest/ops/create/company", "{\"values\":{\"id\":\"bench\",\"name\":\"Bench\"}}",
				withCookie);
		Connection.call(port, "POST", "/rest/ops/create/user", "{\"values\":{\"login\":\"bench-login\",\"password\":\""
				+ ADMIN_PASSWORD + "\",\"company\":\"bench\",\"role\":\"User\"}}", withCookie);
		String userLogin = "{\"auth\":{\"type\":\"auth\",\"username\":\"bench-login\",\"password\":\"" + ADMIN_PASSWORD + "\"}}";
		return List.of(new Load.Case("liveness", "GET", "/actuator/health/liveness", ""),
				new Load.Case("Auth Key who am I", "POST", "/rest/auth/", "{}", "Authorization", "token auth=" + key),
				new Load.Case("cookie who am I", "POST", "/rest/auth/", "{}", withCookie),
				new Load.Case("password login", "POST", "/rest/auth/", userLogin));
	}

	/** A session of the bootstrap System-Admin, as a Cookie header. */
	static String[] adminCookie(int port) throws IOException {
		String adminLogin = "{\"auth\":{\"type\":\"auth\",\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}}";
		return new String[] { "Cookie", "Red60urne=" + field(Connection.call(port, "POST", "/rest/auth/", adminLogin), "session") };
	}

	/** A new Auth Key of the bootstrap System-Admin, made with its session {@code withCookie}. */
	static String adminKey(int port, String[] withCookie) throws IOException {
		return field(Connection.call(port, "POST", "/rest/ops/create/authinfo", "{\"values\":{\"contact_id\":1}}",
				withCookie), "token");
	}

	static Table.Results run(Load load, Server server, GatewayCase gateway, HashAlone hash, HashAlone oneHash,
			List<Load.Case> cases, Supplier<Server> freshStart, boolean smoke, int rounds, int seconds, int clients,
			int hashThreads) throws Exception {
		ProcStat stat = server.stat;
		// A start's time swings by a fifth from one minute to the next on this machine: the first start
		// and one more per round, so the table can give the median.
		List<double[]> starts = new ArrayList<>(List.of(new double[] { server.startSeconds, server.startCpuSeconds }));
		Map<Load.Case, List<Load.Sample>> max = new LinkedHashMap<>();
		Map<Load.Case, List<double[]>> latency = new LinkedHashMap<>();
		List<Load.Sample> hashAlone = new ArrayList<>(), oneHashAlone = new ArrayList<>();
		cases.forEach((c) -> { max.put(c, new ArrayList<>()); latency.put(c, new ArrayList<>()); });
		for (Load.Case c : cases) {   // warm-up: let the JIT compile every path before anything counts
			load.closedLoop(c, clients, smoke ? 1 : Math.max(10, seconds));
		}
		hash.phase(smoke ? 1 : Math.max(10, seconds));
		oneHash.phase(smoke ? 1 : Math.max(10, seconds));
		gateway.warmUp(clients, seconds, smoke);
		if (!smoke) {
			warmUntilCompiled(load, stat, cases, clients, seconds);
			Load.Case login = cases.get(cases.size() - 1);
			settle("password login", stat, () -> load.closedLoop(login, clients, seconds));
			settle("hash alone", hash.stat(), () -> hash.phase(seconds));
			settle("one hash alone", oneHash.stat(), () -> oneHash.phase(seconds));
		}
		for (int round = 0; round < rounds; round++) {
			for (Load.Case c : cases) {
				load.round(c, max.get(c), latency.get(c), clients, seconds);
			}
			gateway.round(clients, seconds);
			hashAlone.add(hash.phase(seconds));
			oneHashAlone.add(oneHash.phase(seconds));
			try (Server fresh = freshStart.get()) {
				starts.add(new double[] { fresh.startSeconds, fresh.startCpuSeconds });
			}
		}
		return new Table.Results(cases, max, latency, gateway, hashAlone, oneHashAlone, hashThreads, stat.peakRssKb(),
				starts);
	}

	/**
	 * More warm-up rounds of every case until the server's JIT compiler threads spent under 5% of its
	 * CPU in a round (at most 5 minutes): on a busy machine C2 keeps compiling the call paths for
	 * minutes, and its CPU counts in a call's cost until it is done (three times the settled figure).
	 */
	static void warmUntilCompiled(Load load, ProcStat stat, List<Load.Case> cases, int clients, int seconds)
			throws Exception {
		long deadline = System.nanoTime() + WARM_UP_LIMIT;
		double share = 1;
		while (share >= 0.05 && System.nanoTime() < deadline) {
			long cpu = stat.cpuTicks(), compiler = stat.compilerTicks();
			for (Load.Case c : cases) {
				load.closedLoop(c, clients, seconds);
			}
			share = (stat.compilerTicks() - compiler) / (double) Math.max(1, stat.cpuTicks() - cpu);
			System.err.printf(Locale.ROOT, "warm-up: JIT compilers took %.0f%% of the server's CPU%n", share * 100);
		}
	}

	interface Phase {

		Load.Sample run() throws Exception;
	}

	/**
	 * More phases of one case until its CPU per call moved less than 5% from the phase before and
	 * the JIT compilers took under 5% of the process's CPU in it (at most 5 minutes). A login path
	 * runs a few dozen times a second, so it reaches the JIT's thresholds long after the cheap calls
	 * that dominate the rounds above; the hash alone settles by the same rule, so neither figure is
	 * taken earlier in its warm-up than the other.
	 */
	static void settle(String what, ProcStat process, Phase phase) throws Exception {
		long deadline = System.nanoTime() + WARM_UP_LIMIT;
		double last = phase.run().cpuMs(), change = 1, share = 1;
		while ((change >= 0.05 || share >= 0.05) && System.nanoTime() < deadline) {
			long cpu = process.cpuTicks(), compiler = process.compilerTicks();
			double now = phase.run().cpuMs();
			share = (process.compilerTicks() - compiler) / (double) Math.max(1, process.cpuTicks() - cpu);
			change = Math.abs(now - last) / last;
			System.err.printf(Locale.ROOT, "warm-up: %s %.2f ms of CPU each (%.0f%% from the phase before), JIT %.0f%% of it%n",
					what, now, change * 100, share * 100);
			last = now;
		}
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in the answer");
		}
		return matcher.group(1);
	}
}
