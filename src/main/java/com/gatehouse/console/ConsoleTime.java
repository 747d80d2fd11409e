package com.gatehouse.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Times as the console shows them: to the minute, in UTC, said so; a missing time is a dash. */
final class ConsoleTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private ConsoleTime() {
	}

	static String of(@Nullable Instant instant) {
		return (instant != null) ? MINUTES.format(instant) : "—";
	}
}
