package com.gatehouse.abuse;

import java.time.Instant;

/** The hits counted for one subject in its current window, which started at {@code windowStart}. */
public record Tally(long hits, Instant windowStart) {

	public static Tally none(Instant now) {
		return new Tally(0, now);
	}
}
