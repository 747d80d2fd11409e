package com.gatehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs with real time plus an offset a test can move, so time limits (sessions, key
 * expiry, lockouts) can be crossed without sleeping. It runs with real time because Spring Session
 * stamps creation and last access with real time, and the limits compare those stamps with this
 * clock. Declare it as the {@code @Primary} {@code Clock} bean of a test's own context.
 */
public final class MutableClock extends Clock {

	private final Clock base = Clock.systemUTC();

	private volatile Duration offset = Duration.ZERO;

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	/** Back to real time: sessions made from now on are judged as if no time had been moved. */
	public void reset() {
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
