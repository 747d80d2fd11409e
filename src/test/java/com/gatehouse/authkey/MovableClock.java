package com.gatehouse.authkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock at real time plus an offset a test moves, so expiry, grace periods and the last-use
 * stamp can be crossed without sleeping (the pattern of session.MutableClock).
 */
final class MovableClock extends Clock {

	private final Clock base = Clock.systemUTC();

	private volatile Duration offset = Duration.ZERO;

	void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("MovableClock is always UTC");
	}
}
