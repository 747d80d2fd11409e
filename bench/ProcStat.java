import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the OS says a process spent, from /proc: CPU ticks (utime + stime, 100 a second), those of
 * its JIT compiler threads, and its resident memory. CPU time is the benchmark's figure of record:
 * the machine's other work disturbs it far less than a rate or a latency.
 */
final class ProcStat {

	static final double TICKS_PER_SECOND = 100;

	private final long pid;

	private long peakRssKb;

	ProcStat(long pid) {
		this.pid = pid;
	}

	/** The process's utime + stime, in ticks. */
	long cpuTicks() throws IOException {
		return ticks(Files.readString(Path.of("/proc/" + this.pid + "/stat")));
	}

	/** The same, summed over its C1 and C2 compiler threads. */
	long compilerTicks() throws IOException {
		long ticks = 0;
		try (var threads = Files.list(Path.of("/proc/" + this.pid + "/task"))) {
			for (Path thread : threads.toList()) {
				try {
					String stat = Files.readString(thread.resolve("stat"));
					if (stat.contains("(C1 CompilerThre") || stat.contains("(C2 CompilerThre")) {
						ticks += ticks(stat);
					}
				}
				catch (NoSuchFileException ended) {
					// a compiler thread that ended took its ticks with it
				}
			}
		}
		return ticks;
	}

	/** Samples VmRSS; answers the highest sampled so far, in kB. */
	long sampleRss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + this.pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				this.peakRssKb = Math.max(this.peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
			}
		}
		return this.peakRssKb;
	}

	long peakRssKb() {
		return this.peakRssKb;
	}

	private static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime (fields 14 and 15)
	}
}
