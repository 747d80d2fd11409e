package com.gatehouse.user;

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
			// A tiny hash by the fallback, so a library that loads but computes something else is not used.
			String probe = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, 8, 1).encode("probe");
			if (!loaded.verify(probe, "probe".toCharArray())) {
				throw new IllegalStateException("libargon2 does not verify a Bouncy Castle hash");
			}
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
