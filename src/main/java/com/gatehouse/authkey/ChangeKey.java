package com.gatehouse.authkey;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The command to change an Auth Key: relabel it ({@code name}), move its expiry, and give it a new
 * value: a generated one ({@code rotate}) or a client-chosen one ({@code token}); null members keep
 * what the key has. {@link #rotation()} is the console's "rotate".
 */
public record ChangeKey(@Nullable String name, @Nullable Instant expires, @Nullable String token, boolean rotate) {

	public static ChangeKey rotation() {
		return new ChangeKey(null, null, null, true);
	}

	@Override
	public String toString() {
		return "ChangeKey[name=" + this.name + ", expires=" + this.expires + ", token=[PROTECTED], rotate="
				+ this.rotate + "]";
	}
}
