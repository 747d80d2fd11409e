import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id implementations side by side at Gatehouse's cost (m=19 MiB, t=2, p=1, 16-byte salt,
 * 32-byte hash), in one JVM, interleaved round by round so that whatever else this shared machine
 * runs weighs on each alike. For each: process CPU ms per hash (user + system of the whole JVM, so a
 * pure-Java hash's garbage collection counts) and wall ms per hash, one hash at a time; then whether
 * every implementation verifies every other's PHC string (and rejects a wrong password).
 *
 * Run with bench/hash-bench.sh (it builds the class path); args: [rounds] [hashesPerRound]
 */
public class HashBench {

	static final int MEMORY_KIB = 19 * 1024, ITERATIONS = 2, PARALLELISM = 1, SALT = 16, LENGTH = 32;

	interface Impl {
		String hash(String password);
		boolean verify(String password, String hash);
	}

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		Map<String, Impl> impls = new LinkedHashMap<>();
		Argon2PasswordEncoder bc = new Argon2PasswordEncoder(SALT, LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
		impls.put("Bouncy Castle 1.87 (Spring Argon2PasswordEncoder)", new Impl() {
			public String hash(String p) { return bc.encode(p); }
			public boolean verify(String p, String h) { return bc.matches(p, h); }
		});
		de.mkammerer.argon2.Argon2 jna = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT, LENGTH);
		impls.put("libargon2 via argon2-jvm 2.12 (JNA)", new Impl() {
			public String hash(String p) { return jna.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, p.toCharArray()); }
			public boolean verify(String p, String h) { return jna.verify(h, p.toCharArray()); }
		});
		Argon2Function p4j = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, LENGTH, Argon2.ID, 19);
		impls.put("Password4j 1.8.4 (pure Java)", new Impl() {
			public String hash(String p) { return Password.hash(p).addRandomSalt(SALT).with(p4j).getResult(); }
			public boolean verify(String p, String h) { return Password.check(p, h).with(p4j); }
		});

		Map<String, List<double[]>> samples = new LinkedHashMap<>();
		impls.keySet().forEach((name) -> samples.put(name, new ArrayList<>()));
		for (int round = 0; round <= rounds; round++) {   // round 0 warms up the JIT and is not counted
			for (Map.Entry<String, Impl> impl : impls.entrySet()) {
				long cpu = cpuNanos(), wall = System.nanoTime();
				for (int i = 0; i < perRound; i++) {
					impl.getValue().hash("bench-password-" + i);
				}
				if (round > 0) {
					samples.get(impl.getKey()).add(new double[] { (cpuNanos() - cpu) / 1e6 / perRound,
							(System.nanoTime() - wall) / 1e6 / perRound });
				}
			}
		}
		System.out.printf("Argon2id m=%d KiB t=%d p=%d, %d rounds x %d hashes, interleaved; median of rounds%n",
				MEMORY_KIB, ITERATIONS, PARALLELISM, rounds, perRound);
		System.out.printf("%-52s %12s %12s%n", "implementation", "CPU ms/hash", "wall ms/hash");
		samples.forEach((name, rows) -> System.out.printf("%-52s %12.1f %12.1f%n", name, median(rows, 0), median(rows, 1)));

		boolean allAgree = true;
		for (Map.Entry<String, Impl> maker : impls.entrySet()) {
			String hash = maker.getValue().hash("correct horse");
			for (Map.Entry<String, Impl> checker : impls.entrySet()) {
				boolean right = checker.getValue().verify("correct horse", hash);
				boolean wrong = checker.getValue().verify("correct hors", hash);
				allAgree &= right && !wrong;
				System.out.printf("hash by %-14s verified by %-14s right password %-5s wrong password %s%n",
						shortName(maker.getKey()), shortName(checker.getKey()), right, wrong);
			}
		}
		System.out.println(allAgree ? "every implementation verifies every other's hashes" : "MISMATCH");
		if (!allAgree) {
			System.exit(1);
		}
	}

	static String shortName(String name) {
		return name.split(" ")[0];
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static double median(List<double[]> rows, int column) {
		double[] values = rows.stream().mapToDouble((row) -> row[column]).sorted().toArray();
		return values[values.length / 2];
	}
}
