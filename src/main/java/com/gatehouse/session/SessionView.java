package com.gatehouse.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One live session as its viewers see it: named by its {@code handle} (never the cookie value),
 * with when it began and was last used, the address and browser it signed in from, and whether it
 * is the session the viewer itself came with ({@code current}).
 */
public record SessionView(String handle, long userId, String login, Instant created, Instant lastAccess,
		@Nullable String ip, @Nullable String userAgent, boolean current) {
}
