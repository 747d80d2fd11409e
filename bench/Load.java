import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: a closed loop (every client sends its next call as soon as the last is
 * answered) for the highest rate and the server's CPU per call, and a fixed-rate load for the
 * latency at a given rate. Each phase samples the server's resident memory after it.
 */
final class Load {

	record Case(String name, String method, String path, String body, String... headers) {
	}

	/** One closed-loop phase: calls answered 200 a second, server CPU ms per call, calls not answered 200. */
	record Sample(double perSecond, double cpuMs, long errors) {
	}

	private final int port;

	private final ProcStat server;

	Load(int port, ProcStat server) {
		this.port = port;
		this.server = server;
	}

	/**
	 * One round of a case: a closed-loop phase, added to {@code max}, then a fixed-rate phase at half
	 * the median closed-loop rate so far, added to {@code latency}.
	 */
	void round(Case c, List<Sample> max, List<double[]> latency, int clients, int seconds) throws Exception {
		max.add(closedLoop(c, clients, seconds));
		double half = Table.median(max, Sample::perSecond) / 2;
		latency.add(fixedRate(c, Math.max(half, 1), seconds, clients * 4));
	}

	Sample closedLoop(Case c, int clients, int seconds) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong done = new AtomicLong(), errors = new AtomicLong();
		long cpuBefore = this.server.cpuTicks(), started = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			threads.add(started(() -> {
				try (Connection connection = new Connection(this.port, c)) {
					while (System.nanoTime() < end) {
						(connection.send() == 200 ? done : errors).incrementAndGet();
					}
				}
				catch (IOException failed) {
					errors.incrementAndGet();
				}
			}));
		}
		joinAll(threads);
		double elapsed = (System.nanoTime() - started) / 1e9;
		long calls = done.get() + errors.get();
		double cpuMs = (this.server.cpuTicks() - cpuBefore) * 1000.0 / ProcStat.TICKS_PER_SECOND / Math.max(calls, 1);
		this.server.sampleRss();
		return new Sample(done.get() / elapsed, cpuMs, errors.get());
	}

	/**
	 * Calls start on a fixed schedule whatever the answers do, and each latency counts from the
	 * call's scheduled start, so a stalled server cannot hide its queue. Answers p50 and p99 in ms
	 * and the rate.
	 */
	double[] fixedRate(Case c, double perSecond, int seconds, int connections) throws Exception {
		long interval = (long) (1e9 / perSecond), start = System.nanoTime() + 10_000_000L;
		long total = (long) (perSecond * seconds);
		AtomicLong next = new AtomicLong();
		long[] latencies = new long[(int) total];
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			threads.add(started(() -> {
				try (Connection connection = new Connection(this.port, c)) {
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
		joinAll(threads);
		this.server.sampleRss();
		Arrays.sort(latencies);
		return new double[] { latencies[(int) (total * 0.50)] / 1e6, latencies[(int) Math.min(total - 1, total * 0.99)] / 1e6, perSecond };
	}

	private static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	private static void joinAll(List<Thread> threads) throws InterruptedException {
		for (Thread thread : threads) {
			thread.join();
		}
	}
}
