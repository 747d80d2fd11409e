import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * The native libargon2 hash alone (argon2-jvm, as the service binds it, m=19 MiB, t=2, p=1),
 * measured as the server's logins are, so that a login's CPU divided by it is the login's own
 * overhead: in a process of its own with the README's JVM flags, its whole CPU read from
 * /proc/<pid>/stat over a closed-loop phase as long as a login phase, as many hashes at once as
 * the login load runs (the server verifies at most one per CPU at once, and 8 clients keep every
 * slot busy), warmed up by the same rule, and interleaved with the cases in every round. A second
 * one, one hash at a time as issue 13's 21-22 ms was taken, is the yardstick of the machine's
 * speed that {@link Table} scales the run's times by. Run as a
 * program, it is that process: each line on its input is a phase's seconds, and it answers the
 * hashes it verified.
 */
final class HashAlone implements AutoCloseable {

	private final Process process;

	private final ProcStat stat;

	private final PrintStream commands;

	private final BufferedReader answers;

	HashAlone(List<String> jvmFlags, int threads) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmFlags);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "HashAlone", Integer.toString(threads)));
		this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		this.stat = new ProcStat(this.process.pid());
		this.commands = new PrintStream(this.process.getOutputStream(), true, StandardCharsets.US_ASCII);
		this.answers = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.US_ASCII));
	}

	/** One closed-loop phase of {@code seconds}: the process's CPU ms per hash. */
	Load.Sample phase(int seconds) throws IOException {
		long before = this.stat.cpuTicks(), started = System.nanoTime();
		this.commands.println(seconds);
		long hashes = Long.parseLong(this.answers.readLine());
		double elapsed = (System.nanoTime() - started) / 1e9;
		double cpuMs = (this.stat.cpuTicks() - before) * 1000.0 / ProcStat.TICKS_PER_SECOND / Math.max(hashes, 1);
		return new Load.Sample(hashes / elapsed, cpuMs, 0);
	}

	ProcStat stat() {
		return this.stat;
	}

	@Override
	public void close() throws InterruptedException {
		this.commands.close();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	public static void main(String[] args) throws Exception {
		int threads = Integer.parseInt(args[0]);
		Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
		String hash = argon2.hash(2, 19 * 1024, 1, "bench-password".toCharArray());
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.parseInt(line.trim()));
			AtomicLong verified = new AtomicLong();
			List<Thread> workers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Thread worker = new Thread(() -> {
					while (System.nanoTime() < end) {
						if (!argon2.verify(hash, "bench-password".toCharArray())) {
							throw new IllegalStateException("libargon2 refused its own hash");
						}
						verified.incrementAndGet();
					}
				});
				worker.start();
				workers.add(worker);
			}
			for (Thread worker : workers) {
				worker.join();
			}
			System.out.println(verified.get());
		}
	}
}
