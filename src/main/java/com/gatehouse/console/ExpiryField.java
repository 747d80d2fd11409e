package com.gatehouse.console;

import java.time.Duration;

import com.gatehouse.authkey.AuthKeyProperties;

/**
 * What the add-token form's expiry field says, in words, from the key policy: the chosen day is
 * the first on which the token no longer works (it stops at 00:00 UTC as that day begins), whether
 * a date is needed, how far ahead it may lie, and what an empty field means.
 */
record ExpiryField(String label, String hint) {

	static ExpiryField of(AuthKeyProperties policy) {
		Duration cap = policy.maxLifetime();
		String stops = "The token stops working at 00:00 UTC as the chosen day begins: for one that works"
				+ " through 31 March, choose 1 April.";
		String more;
		if (policy.requireExpiry()) {
			more = (cap != null) ? " A date is required, at most " + spoken(cap) + " ahead." : " A date is required.";
		}
		else {
			more = (cap != null) ? " Left empty, it stops working " + spoken(cap) + " after it is made."
					: " Left empty, it never stops working.";
		}
		return new ExpiryField(policy.requireExpiry() ? "Stops working on" : "Stops working on (optional)", stops + more);
	}

	/** "90 days", "12 hours", "45 minutes": a cap as people say it. */
	static String spoken(Duration duration) {
		if (duration.toHours() >= 24 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
			return plural(duration.toDays(), "day");
		}
		if (duration.toMinutes() >= 60 && duration.toMinutesPart() == 0) {
			return plural(duration.toHours(), "hour");
		}
		return plural(Math.max(1, duration.toMinutes()), "minute");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}
}
