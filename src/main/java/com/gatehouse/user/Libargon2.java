package com.gatehouse.user;

import com.sun.jna.Memory;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;

/**
 * Argon2id computed by libargon2, the reference C implementation that argon2-jvm ships for the
 * common platforms and binds with JNA, called through its context API so that each hash runs in
 * {@link HashMemory}'s kept memory rather than a block libargon2 maps and the kernel zeroes afresh.
 * Constructing it loads the library: a {@link LinkageError} means it cannot be loaded here.
 */
final class Libargon2 {

	private static final int OK = 0;

	private final Argon2Library library = Argon2Library.INSTANCE;

	private final HashMemory memory;

	Libargon2(int memoryKib) {
		this.memory = new HashMemory(memoryKib);
	}

	/**
	 * The hash of {@code password} at the cost and with the salt {@code cost} names, as long as its
	 * hash (whose bytes are not read).
	 */
	byte[] hash(byte[] password, PhcHash cost) {
		int length = cost.hash().length;
		try (Memory out = new Memory(length)) {
			int result = run(password, cost, out, (context) -> this.library.argon2id_ctx(context));
			if (result != OK) {
				throw new IllegalStateException("libargon2: " + this.library.argon2_error_message(result));
			}
			return out.getByteArray(0, length);
		}
	}

	/** Whether {@code password} hashes to {@code stored}'s hash; false too for a cost libargon2 refuses. */
	boolean verify(byte[] password, PhcHash stored) {
		try (Memory out = new Memory(stored.hash().length)) {
			// libargon2 compares in constant time, so the time taken tells nothing of how much matched.
			return run(password, stored, out, (context) -> this.library.argon2id_verify_ctx(context, stored.hash())) == OK;
		}
	}

	private int run(byte[] password, PhcHash cost, Memory out, Call call) {
		Memory pwd = new Memory(Math.max(1, password.length));
		Memory salt = new Memory(cost.salt().length);
		try {
			pwd.write(0, password, 0, password.length);
			salt.write(0, cost.salt(), 0, cost.salt().length);
			Argon2_context.ByReference context = new Argon2_context.ByReference();
			context.out = out;
			context.outlen = new JnaUint32((int) out.size());
			context.pwd = pwd;
			context.pwdlen = new JnaUint32(password.length);
			context.salt = salt;
			context.saltlen = new JnaUint32(cost.salt().length);
			context.secretlen = new JnaUint32(0);
			context.adlen = new JnaUint32(0);
			context.t_cost = new JnaUint32(cost.iterations());
			context.m_cost = new JnaUint32(cost.memoryKib());
			context.lanes = new JnaUint32(cost.parallelism());
			// One thread whatever the lanes: PasswordHasher counts one core per hash.
			context.threads = new JnaUint32(1);
			context.version = new Argon2_version(cost.version());
			context.allocate_cbk = this.memory.allocateFunction;
			context.free_cbk = this.memory.releaseFunction;
			context.flags = new JnaUint32(0);
			return call.run(context);
		}
		finally {
			pwd.clear();
			pwd.close();
			salt.close();
		}
	}

	private interface Call {

		int run(Argon2_context.ByReference context);
	}
}
