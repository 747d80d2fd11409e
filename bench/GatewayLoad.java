import java.util.List;

/**
 * The gateway's cost as issue 11 states it: a key-authenticated call through Gatehouse's gateway
 * against the same call made straight to the upstream, in one run, as a ratio (goal: at least 0.8).
 * The upstream ({@link Upstream}) answers after a service time, as a PBX service's database read
 * takes; the service runs as the README runs it, with the gateway's two settings
 * ({@link GatewayCase}). Warm-up rounds first, then rounds of three closed-loop phases, interleaved
 * so that the machine's other work weighs on each alike: direct, through the gateway, and
 * Gatehouse's own "who am I" with the same key (what authenticating alone costs). For Gatehouse's
 * phases it prints its CPU milliseconds per call (all its threads, from {@code /proc}), which the
 * machine's other work disturbs far less than a rate.
 *
 * Run: bench/run gateway-load [clients] [secondsPerPhase] [rounds] [upstreamMillis]
 */
public class GatewayLoad {

	private static final int WARM_UP_ROUNDS = 4;

	public static void main(String[] args) throws Exception {
		int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		int upstreamMillis = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		try (GatewayCase gateway = GatewayCase.start(List.of(), List.of(), upstreamMillis)) {
			// The JIT is still compiling the gateway's path after some thousand calls; its threads count as Gatehouse's CPU.
			for (int warm = 0; warm < WARM_UP_ROUNDS; warm++) {
				gateway.direct(clients, seconds);
				gateway.forwarded(clients, seconds);
				gateway.whoAmI(clients, seconds);
			}
			System.out.printf("%d clients, %d s per phase, upstream service time %d ms%n", clients, seconds, upstreamMillis);
			double direct = 0, forwarded = 0, forwardedCpu = 0, ownCpu = 0;
			for (int round = 1; round <= rounds; round++) {
				Load.Sample d = gateway.direct(clients, seconds);
				Load.Sample g = gateway.forwarded(clients, seconds);
				Load.Sample o = gateway.whoAmI(clients, seconds);
				System.out.printf("round %d: direct %7.1f calls/s, gateway %7.1f calls/s (ratio %.2f, Gatehouse CPU %.3f ms/call), "
						+ "who am I %7.1f calls/s (CPU %.3f ms/call)%s%n", round, d.perSecond(), g.perSecond(),
						g.perSecond() / d.perSecond(), g.cpuMs(), o.perSecond(), o.cpuMs(), notAll200(d, g, o));
				direct += d.perSecond();
				forwarded += g.perSecond();
				forwardedCpu += g.cpuMs();
				ownCpu += o.cpuMs();
			}
			System.out.printf("%ngateway/direct over %d rounds: %.2f (goal >= 0.80); Gatehouse CPU ms per call: gateway %.3f, "
					+ "who am I %.3f%n", rounds, forwarded / direct, forwardedCpu / rounds, ownCpu / rounds);
		}
	}

	private static String notAll200(Load.Sample... phases) {
		long errors = 0;
		for (Load.Sample phase : phases) {
			errors += phase.errors();
		}
		return (errors == 0) ? "" : " (" + errors + " answers not 200)";
	}
}
