package com.gatehouse.authkey;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.gatehouse.abuse.AbuseCounters;
import com.gatehouse.abuse.Tally;
import com.gatehouse.rest.RestFailure;

/**
 * Rate-limits leak reports per client address, in the shared store so every instance counts the
 * same: an open call that deletes and writes must not be a free amplifier. Over the limit the
 * answer is 429 with {@code Retry-After} for the end of the window.
 */
@Component
final class LeakReportThrottle {

	private static final String KIND = "leak-report";

	private final AbuseCounters counters;

	private final AuthKeyProperties properties;

	private final Clock clock;

	LeakReportThrottle(AbuseCounters counters, AuthKeyProperties properties, Clock clock) {
		this.counters = counters;
		this.properties = properties;
		this.clock = clock;
	}

	void admit(String address) {
		Duration window = this.properties.leakReportWindow();
		Tally tally = this.counters.hit(KIND, address, window);
		if (tally.hits() > this.properties.leakReportLimit()) {
			Duration left = Duration.between(this.clock.instant(), tally.windowStart().plus(window));
			throw RestFailure.throttled(Duration.ofSeconds(Math.max(1, left.toSeconds() + 1)));
		}
	}
}
