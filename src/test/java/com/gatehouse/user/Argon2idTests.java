package com.gatehouse.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Gatehouse's own call into libargon2 (its context API, with memory of its own) reads and writes
 * exactly the PHC strings libargon2's own encoder and decoder do, as argon2-jvm calls them, and
 * keeps the memory it hashes in instead of having the kernel map and zero it afresh per hash.
 */
class Argon2idTests {

	private static final int MEMORY_KIB = 19 * 1024;

	private static final Argon2Advanced LIBARGON2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, 16, 32);

	private final Argon2id argon2 = new Argon2id(MEMORY_KIB, 2);

	@Test
	void hashVerifiesWithLibargon2sOwnDecoderAndTheOtherWayRound() {
		String ours = this.argon2.hash("correct horse");
		String theirs = LIBARGON2.hash(2, MEMORY_KIB, 1, "correct horse".toCharArray());

		assertThat(LIBARGON2.verify(ours, "correct horse".toCharArray())).isTrue();
		assertThat(LIBARGON2.verify(ours, "correct hors".toCharArray())).isFalse();
		assertThat(this.argon2.matches("correct horse", theirs)).isTrue();
		assertThat(this.argon2.matches("correct hors", theirs)).isFalse();
	}

	@Test
	void matchesWhenHashIsVersion10ThenVerifiesItWithOrWithoutItsVersionField() {
		String version10 = LIBARGON2
			.hashAdvanced(1, 64, 1, "old".getBytes(StandardCharsets.UTF_8), LIBARGON2.generateSalt(), 32, Argon2Version.V10)
			.getEncoded();
		String withoutVersion = version10.replace("$v=16", "");

		assertThat(version10).startsWith("$argon2id$v=16$m=64,t=1,p=1$");
		assertThat(this.argon2.matches("old", version10)).isTrue();
		assertThat(this.argon2.matches("old", withoutVersion)).isTrue();
		assertThat(LIBARGON2.verify(withoutVersion, "old".toCharArray())).isTrue();
		assertThat(this.argon2.matches("new", withoutVersion)).isFalse();
	}

	@Test
	void matchesWhenStoredCostIsOneLibargon2RefusesThenFalseRatherThanAnError() {
		String salt = "qXSWqryraaHkveI59kD6Mg";
		String hash = "v8epPgMl/vxBAJin07GF1D0K/jX0kSSF8r8y8FpAOkk";

		assertThat(this.argon2.matches("probe", "$argon2id$v=19$m=8,t=1,p=1$" + salt + "$" + hash)).isTrue();
		assertThat(this.argon2.matches("probe", "$argon2id$v=19$m=1,t=1,p=1$" + salt + "$" + hash)).isFalse();
		assertThat(this.argon2.matches("probe", "$argon2id$v=19$m=8,t=0,p=1$" + salt + "$" + hash)).isFalse();
		assertThat(this.argon2.matches("probe", "$argon2id$v=19$m=8,t=1,p=0$" + salt + "$" + hash)).isFalse();
		assertThat(this.argon2.matches("probe", "$argon2id$v=19$m=8,t=1,p=1$AAAA$" + hash)).isFalse();
		assertThat(this.argon2.matches("probe", "$argon2i$v=19$m=8,t=1,p=1$" + salt + "$" + hash)).isFalse();
		assertThat(this.argon2.matches("probe", "$argon2id$v=19$m=99999999999,t=1,p=1$" + salt + "$" + hash)).isFalse();
	}

	@Test
	void hashesOnManyRequestThreadsReuseMemoryInsteadOfFaultingInAFreshBlockEach() throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "page fault counts come from Linux's /proc");
		String stored = this.argon2.hash("warm");
		int threads = 8;
		// turns[i] lets thread i hash, one after another; turns[threads] says the last is done.
		List<CountDownLatch> turns = Stream.generate(() -> new CountDownLatch(1)).limit(threads + 1).toList();
		CountDownLatch measured = new CountDownLatch(1);
		List<Thread> requestThreads = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int turn = i;
			// All alive at once, as a server's request threads are: glibc gives each its own arena.
			Thread thread = new Thread(() -> {
				awaitQuietly(turns.get(turn));
				this.argon2.matches("warm", stored);
				turns.get(turn + 1).countDown();
				awaitQuietly(measured);
			});
			thread.start();
			requestThreads.add(thread);
		}
		long before = minorFaults();

		turns.get(0).countDown();
		turns.get(threads).await();
		long faults = minorFaults() - before;
		measured.countDown();
		for (Thread thread : requestThreads) {
			thread.join();
		}

		// A fresh 19 MiB block is about 4,900 faults of 4 KiB pages: one per thread would be 39,000.
		assertThat(faults).isLessThan(MEMORY_KIB / 4);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static long minorFaults() throws IOException {
		String stat = Files.readString(Path.of("/proc/self/stat"));
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
	}
}
