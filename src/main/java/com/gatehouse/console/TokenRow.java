package com.gatehouse.console;

import com.gatehouse.authkey.AuthKey;
import com.gatehouse.authkey.RevokedKey;

/**
 * One row of the Tokens section. {@code type} is "Auth Key" for every token today (popup-auth API
 * tokens would be listed with their own type). {@code expires} says in words when the token stops
 * (or stopped) working. A token that no longer works, expired or revoked, stays listed but
 * {@code ended} (greyed); only a token not revoked is {@code live}, with actions.
 */
record TokenRow(long id, String type, String name, String hint, String created, String expires, String lastUsed,
		String lastAddress, String restriction, String state, boolean live, boolean ended) {

	/** A key that is still stored: working, or {@code expired}. */
	static TokenRow of(AuthKey key, boolean expired) {
		String expires = (key.expires() == null) ? "never"
				: (expired ? "stopped working " : "stops working ") + ConsoleTime.of(key.expires());
		return row(key, expires, expired ? "expired" : "active", true, expired);
	}

	/** A revoked key: when, and by whom; it stopped working then, whatever its expiry said. */
	static TokenRow of(RevokedKey revoked) {
		String by = (revoked.by() != null) ? revoked.by() : "a leak report";
		return row(revoked.key(), "—", "revoked " + ConsoleTime.of(revoked.revoked()) + " by " + by, false, true);
	}

	private static TokenRow row(AuthKey key, String expires, String state, boolean live, boolean ended) {
		return new TokenRow(key.id(), "Auth Key", key.name().isEmpty() ? "—" : key.name(), key.hint(),
				ConsoleTime.of(key.created()), expires, ConsoleTime.of(key.lastUsed()), Addresses.of(key.lastIp()),
				key.restriction().describe(), state, live, ended);
	}
}
