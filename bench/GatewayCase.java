import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway case: an Auth Key call ({@code POST /rest/call/read/cdr}) that Gatehouse's gateway
 * authenticates, judges by a one-rule policy and forwards to an {@link Upstream} on loopback. It runs
 * on a second server, started as the README runs it plus the gateway's two settings (the benchmark's
 * main server keeps the gateway off, as the README's default), and is measured as the other cases
 * are: the server's CPU per call and calls/s in a closed loop, p50/p99 at half its median rate.
 */
final class GatewayCase implements AutoCloseable {

	private static final String POLICY = """
			routes:
			  - match: {section: call, verb: read, type: cdr}
			    require: {perm: admin, level: company}
			""";

	final List<Load.Sample> max = new ArrayList<>();

	final List<double[]> latency = new ArrayList<>();

	private final Upstream upstream;

	private final Path policy;

	private final Server server;

	private final Load load;

	private final Load.Case call;

	private GatewayCase(Upstream upstream, Path policy, Server server) throws Exception {
		this.upstream = upstream;
		this.policy = policy;
		this.server = server;
		this.load = new Load(server.port, server.stat);
		this.call = new Load.Case("gateway", "POST", "/rest/call/read/cdr",
				"{\"type\":\"cdr\",\"scope\":{\"minDate\":1700000000000}}", "Authorization",
				"token auth=" + Bench.adminKey(server.port, Bench.adminCookie(server.port)));
	}

	/** The gateway in front of an upstream that answers after {@code upstreamMillis}. */
	static GatewayCase start(List<String> jvmArgs, List<String> env, int upstreamMillis) throws Exception {
		Upstream upstream = new Upstream(upstreamMillis);
		Path policy = Files.createTempFile("gatehouse-bench-policy", ".yaml");
		try {
			Files.writeString(policy, POLICY);
			List<String> gatewayEnv = new ArrayList<>(env);
			gatewayEnv.add("GATEHOUSE_GATEWAY_UPSTREAM=http://127.0.0.1:" + upstream.port);
			gatewayEnv.add("GATEHOUSE_GATEWAY_POLICY=" + policy);
			return new GatewayCase(upstream, policy, Server.start(jvmArgs, gatewayEnv, Bench.ADMIN_PASSWORD));
		}
		catch (Exception | Error failed) {
			upstream.close();
			Files.deleteIfExists(policy);
			throw failed;
		}
	}

	/** Warms up as the main server's cases do: until the JIT compilers take under 5% of a phase. */
	void warmUp(int clients, int seconds, boolean smoke) throws Exception {
		this.load.closedLoop(this.call, clients, smoke ? 1 : Math.max(10, seconds));
		if (!smoke) {
			Bench.warmUntilCompiled(this.load, this.server.stat, List.of(this.call), clients, seconds);
		}
	}

	/** A closed-loop phase of the forwarded call. */
	Load.Sample forwarded(int clients, int seconds) throws Exception {
		return this.load.closedLoop(this.call, clients, seconds);
	}

	/** A closed-loop phase of the same call made straight to the upstream, as issue 11's ratio compares. */
	Load.Sample direct(int clients, int seconds) throws Exception {
		return new Load(this.upstream.port, this.server.stat).closedLoop(this.call, clients, seconds);
	}

	/** A closed-loop phase of Gatehouse's own "who am I" with the call's key: what authenticating alone costs. */
	Load.Sample whoAmI(int clients, int seconds) throws Exception {
		return this.load.closedLoop(new Load.Case("who am I", "POST", "/rest/auth/", "{}", this.call.headers()), clients,
				seconds);
	}

	/** One round, as every case's ({@link Load#round}). */
	void round(int clients, int seconds) throws Exception {
		this.load.round(this.call, this.max, this.latency, clients, seconds);
	}

	@Override
	public void close() throws Exception {
		try {
			this.server.close();
		}
		finally {
			this.upstream.close();
			Files.deleteIfExists(this.policy);
		}
	}
}
