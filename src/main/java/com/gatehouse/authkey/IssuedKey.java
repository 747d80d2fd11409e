package com.gatehouse.authkey;

import org.jspecify.annotations.Nullable;

/**
 * An Auth Key as a change left it, with the value it was just given ({@code null} when the change
 * gave it none). The value is shown in the answer to that change once and never stored or printed.
 */
public record IssuedKey(AuthKey key, @Nullable String value) {

	@Override
	public String toString() {
		return "IssuedKey[key=" + this.key.id() + ", value=[PROTECTED]]";
	}
}
