package com.gatehouse.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs with real time plus an offset a test can move, so lock and throttle windows
 * can be crossed without sleeping. It runs with real time because another instance on the same
 * store (and Spring Session) stamp with real time. A copy of the session tests' clock, which is
 * private to that package.
 */
final class MutableClock extends Clock {

	private final Clock base = Clock.systemUTC();

	private volatile Duration offset = Duration.ZERO;

	void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	/** Back to real time. */
	void reset() {
		this.offset = Duration.ZERO;
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
		throw new UnsupportedOperationException("MutableClock is always UTC");
	}
}
