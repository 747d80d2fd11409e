package com.gatehouse.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an audit read selects: each non-null member narrows it ({@code company} to one company's
 * events, {@code since} inclusive, {@code until} exclusive, {@code login}
 * whatever its case); newest first, at most {@code limit}
 * rows, never more than {@value #MAX_ROWS} so that one read stays cheap for the store and the reader,
 * after skipping the {@code skip} newest (the console's older pages; the REST API always starts at 0).
 */
record AuditQuery(@Nullable String company, @Nullable Instant since, @Nullable Instant until, @Nullable String event,
		@Nullable Long contactId, @Nullable String login, int limit, long skip) {

	static final int MAX_ROWS = 1000;
}
