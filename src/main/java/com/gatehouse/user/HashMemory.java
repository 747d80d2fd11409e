package com.gatehouse.user;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Size_t;

/**
 * The memory libargon2 hashes in, handed to it through its allocation callbacks and kept for the next
 * hash instead of being freed. A fresh 19 MiB block per hash costs the kernel about 4,900 page
 * faults, each zeroing a page: 9-11 ms of system CPU per hash here, half as much again as the hash
 * itself (docs/performance.md). Kept blocks are bounded: at most one per hash running at once
 * ({@link PasswordHasher} bounds those), each the size a new hash needs; a larger block (a stored
 * hash made at a higher cost) is freed after its hash. libargon2 wipes a block before it
 * hands it back, so a kept block holds nothing of a password.
 */
final class HashMemory {

	/** Whatever libargon2 calls {@code allocate_fptr}: stores a block in {@code *memory}. */
	public interface Allocate extends Callback {

		int invoke(Pointer memory, Size_t bytes);
	}

	/** libargon2's {@code deallocate_fptr}. */
	public interface Release extends Callback {

		void invoke(Pointer memory, Size_t bytes);
	}

	/** libargon2's {@code ARGON2_MEMORY_ALLOCATION_ERROR}; it also sees the null block. */
	private static final int ALLOCATION_ERROR = -22;

	private final long keptBytes;

	private final Queue<Memory> idle = new ConcurrentLinkedQueue<>();

	private final Map<Long, Memory> lent = new ConcurrentHashMap<>();

	/** Fields, so that the callbacks live as long as libargon2 may call them. */
	private final Allocate allocate = this::allocate;

	private final Release release = this::release;

	final Pointer allocateFunction = CallbackReference.getFunctionPointer(this.allocate);

	final Pointer releaseFunction = CallbackReference.getFunctionPointer(this.release);

	HashMemory(int memoryKib) {
		this.keptBytes = memoryKib * 1024L;
	}

	// A Java exception must not escape into C: libargon2 would go on with whatever *memory holds.
	private int allocate(Pointer memory, Size_t bytes) {
		try {
			Memory block = take(bytes.longValue());
			this.lent.put(Pointer.nativeValue(block), block);
			memory.setPointer(0, block);
			return 0;
		}
		catch (RuntimeException | OutOfMemoryError failure) {
			memory.setPointer(0, null);
			return ALLOCATION_ERROR;
		}
	}

	/** Every kept block has the size a new hash needs, so any kept block serves any hash up to it. */
	private Memory take(long bytes) {
		if (bytes > this.keptBytes) {
			return new Memory(bytes);
		}
		Memory kept = this.idle.poll();
		return (kept != null) ? kept : new Memory(this.keptBytes);
	}

	private void release(Pointer memory, Size_t bytes) {
		Memory block = this.lent.remove(Pointer.nativeValue(memory));
		if (block == null) {
			return;
		}
		if (block.size() == this.keptBytes) {
			this.idle.add(block);
		}
		else {
			block.close();
		}
	}
}
