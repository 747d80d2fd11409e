package com.gatehouse.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (p=1, 16-byte salt, 32-byte hash) in PHC string form, computed natively by libargon2
 * ({@link Libargon2}): about a quarter of Bouncy Castle's CPU per hash here, and its memory lives
 * outside the Java heap, so a login load does not grow the heap by 19 MiB a hash
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

	private final SecureRandom random = new SecureRandom();

	private final int memoryKib;

	private final int iterations;

	private final @Nullable Libargon2 nativeArgon2;

	private final Argon2PasswordEncoder pureJava;

	Argon2id(int memoryKib, int iterations) {
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.pureJava = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, memoryKib, iterations);
		this.nativeArgon2 = loadNative(memoryKib);
	}

	private static @Nullable Libargon2 loadNative(int memoryKib) {
		try {
			Libargon2 loaded = new Libargon2(memoryKib);
			if (!loaded.verify("probe".getBytes(StandardCharsets.UTF_8), Objects.requireNonNull(PhcHash.parse(PROBE_HASH)))) {
				throw new IllegalStateException("libargon2 does not verify a Bouncy Castle hash");
			}
			logger.info("Argon2id: native libargon2 (argon2-jvm)");
			return loaded;
		}
		catch (LinkageError | RuntimeException unavailable) {
			logger.warn("Argon2id: libargon2 could not be loaded (" + unavailable
					+ "); falling back to Bouncy Castle's pure-Java Argon2id, which costs several times the CPU per hash"
					+ " and takes its memory from the Java heap");
			return null;
		}
	}

	String hash(String password) {
		Libargon2 nativeArgon2 = this.nativeArgon2;
		if (nativeArgon2 == null) {
			return this.pureJava.encode(password);
		}
		byte[] salt = new byte[SALT_BYTES];
		this.random.nextBytes(salt);
		PhcHash cost = new PhcHash(PhcHash.VERSION_13, this.memoryKib, this.iterations, PARALLELISM, salt,
				new byte[HASH_BYTES]);
		byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
		try {
			return cost.withHash(nativeArgon2.hash(bytes, cost)).format();
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/** Whether {@code password} matches the PHC string {@code hash}; false for a malformed one. */
	boolean matches(String password, String hash) {
		Libargon2 nativeArgon2 = this.nativeArgon2;
		if (nativeArgon2 == null) {
			return this.pureJava.matches(password, hash);
		}
		PhcHash stored = PhcHash.parse(hash);
		if (stored == null) {
			return false;
		}
		byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
		try {
			return nativeArgon2.verify(bytes, stored);
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}
}
