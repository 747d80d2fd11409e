package com.gatehouse.user;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (p=1, 16-byte salt, 32-byte hash) in PHC string form, computed by the reference C
 * implementation, libargon2, which argon2-jvm ships for the common platforms and loads through JNA:
 * about a third of Bouncy Castle's CPU per hash here, and its memory is allocated outside the Java
 * heap and freed at once, so a login load does not grow the heap by 19 MiB a hash
 * (docs/performance.md). Where libargon2 cannot be loaded (an unusual platform, a temporary directory
 * that forbids executables), it falls back to Bouncy Castle's pure-Java Argon2id through Spring
 * Security, and says so once at startup. Both read and write the same PHC strings, so hashes stored by
 * either verify with the other, and a hash's own parameters, not this one's, decide how it is
 * verified.
 */
final class Argon2id {

	private static final Log logger = LogFactory.getLog(Argon2id.class);

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final int PARALLELISM = 1;

	/**
	 * "probe" hashed by Bouncy Castle at the cheapest cost (m=8 KiB, t=1): a library that loads but
	 * does not verify it is not used. A constant, so the check costs no Bouncy Castle work at startup.
	 */
	private static final String PROBE_HASH = "$argon2id$v=19$m=8,t=1,p=1$qXSWqryraaHkveI59kD6Mg$v8epPgMl/vxBAJin07GF1D0K/jX0kSSF8r8y8FpAOkk";

	/** glibc's {@code M_MMAP_THRESHOLD} parameter of {@code mallopt}. */
	private static final int M_MMAP_THRESHOLD = -3;

	private static final int MMAP_THRESHOLD_BYTES = 1024 * 1024;

	private final int memoryKib;

	private final int iterations;

	private final @Nullable Argon2 nativeArgon2;

	private final Argon2PasswordEncoder pureJava;

	Argon2id(int memoryKib, int iterations) {
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.pureJava = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, memoryKib, iterations);
		this.nativeArgon2 = loadNative();
	}

	private static @Nullable Argon2 loadNative() {
		try {
			Argon2 loaded = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
			if (!loaded.verify(PROBE_HASH, "probe".toCharArray())) {
				throw new IllegalStateException("libargon2 does not verify a Bouncy Castle hash");
			}
			freeLargeBlocksAtOnce();
			logger.info("Argon2id: native libargon2 (argon2-jvm)");
			return loaded;
		}
		catch (LinkageError | RuntimeException unavailable) {
			logger.warn("Argon2id: libargon2 could not be loaded (" + unavailable
					+ "); falling back to Bouncy Castle's pure-Java Argon2id, which costs about three times the CPU per hash"
					+ " and takes its memory from the Java heap");
			return null;
		}
	}

	/**
	 * Makes glibc give each hash's 19 MiB back to the system when it is freed. By default glibc raises
	 * its mmap threshold above a block that size once one is freed, and from then on keeps such blocks
	 * in the arena of the thread that freed them: with a request thread per login that added a retained
	 * 19-38 MiB per thread, over 200 MB of resident memory after a login load. A fixed threshold of
	 * 1 MiB maps every larger block afresh and unmaps it on free (a few page faults per hash). Not glibc
	 * (musl, macOS, Windows): nothing to do, those already return large blocks.
	 */
	private static void freeLargeBlocksAtOnce() {
		if (!Platform.isLinux()) {
			return;
		}
		try {
			NativeLibrary.getInstance(Platform.C_LIBRARY_NAME)
				.getFunction("mallopt")
				.invokeInt(new Object[] { M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES });
		}
		catch (UnsatisfiedLinkError notGlibc) {
			logger.debug("no mallopt: the C library is not glibc");
		}
	}

	String hash(String password) {
		Argon2 nativeArgon2 = this.nativeArgon2;
		if (nativeArgon2 == null) {
			return this.pureJava.encode(password);
		}
		char[] characters = password.toCharArray();
		try {
			return nativeArgon2.hash(this.iterations, this.memoryKib, PARALLELISM, characters);
		}
		finally {
			nativeArgon2.wipeArray(characters);
		}
	}

	/** Whether {@code password} matches the PHC string {@code hash}; false for a malformed one. */
	boolean matches(String password, String hash) {
		Argon2 nativeArgon2 = this.nativeArgon2;
		if (nativeArgon2 == null) {
			return this.pureJava.matches(password, hash);
		}
		char[] characters = password.toCharArray();
		try {
			return nativeArgon2.verify(hash, characters);
		}
		finally {
			nativeArgon2.wipeArray(characters);
		}
	}
}
