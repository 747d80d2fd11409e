package com.gatehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls at the same moment, each on a thread of its own that waits at one gate until all are
 * ready, so that requests to several instances really overlap; answers their results in order.
 */
public final class Race {

	private Race() {
	}

	public static <T> List<T> run(List<Callable<T>> calls) {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<T>> running = new ArrayList<>();
			for (Callable<T> call : calls) {
				running.add(threads.submit(() -> {
					ready.countDown();
					gate.await();
					return call.call();
				}));
			}
			ready.await(30, TimeUnit.SECONDS);
			gate.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> result : running) {
				results.add(result.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (Exception failure) {
			throw new IllegalStateException("a racing call failed", failure);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Keeps {@code threads} threads calling {@code call} alongside the caller, until
	 * {@link Background#finishAfter(long)}.
	 */
	public static <T> Background<T> inBackground(int threads, Callable<T> call) {
		return new Background<>(threads, call);
	}

	/** Calls running until told to finish; each result carries when its call started (nanoTime). */
	public static final class Background<T> {

		private final ExecutorService threads;

		private final List<Future<List<Timed<T>>>> running = new ArrayList<>();

		private final CountDownLatch warm;

		private volatile long stopAfter = Long.MAX_VALUE;

		Background(int count, Callable<T> call) {
			this.threads = Executors.newFixedThreadPool(count);
			this.warm = new CountDownLatch(count);
			for (int i = 0; i < count; i++) {
				this.running.add(this.threads.submit(() -> {
					List<Timed<T>> results = new ArrayList<>();
					long started;
					do {
						started = System.nanoTime();
						results.add(new Timed<>(started, call.call()));
						this.warm.countDown();
					}
					while (started <= this.stopAfter);
					return results;
				}));
			}
		}

		/** Waits until every thread has made a call, so that what the caller does next overlaps with them. */
		public Background<T> running() {
			try {
				if (!this.warm.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the background calls did not start");
				}
				return this;
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(interrupted);
			}
		}

		/**
		 * Lets every thread make one more call that starts after {@code moment} (a nanoTime), then
		 * stops them and answers every call's result.
		 */
		public List<Timed<T>> finishAfter(long moment) {
			this.stopAfter = moment;
			try {
				List<Timed<T>> all = new ArrayList<>();
				for (Future<List<Timed<T>>> results : this.running) {
					all.addAll(results.get(60, TimeUnit.SECONDS));
				}
				return all;
			}
			catch (Exception failure) {
				throw new IllegalStateException("a background call failed", failure);
			}
			finally {
				this.threads.shutdownNow();
			}
		}
	}

	/** The results of the calls that started after {@code moment} (a {@link System#nanoTime()}). */
	public static <T> List<T> startedAfter(List<Timed<T>> calls, long moment) {
		return calls.stream().filter((call) -> call.started() > moment).map(Timed::result).toList();
	}

	/** A call's result and the {@link System#nanoTime()} at which it started. */
	public record Timed<T>(long started, T result) {
	}
}
