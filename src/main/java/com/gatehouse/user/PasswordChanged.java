package com.gatehouse.user;

import org.jspecify.annotations.Nullable;

/**
 * Published after a user's password changed, so that the sessions opened with the old one end: all
 * of them, except {@code keepSessionId} (the session a user changed its own password with; null
 * keeps none). {@code by} says who changed it, for the audit trail. The session id is a secret and
 * never printed.
 */
public record PasswordChanged(long userId, @Nullable String keepSessionId, String by) {

	@Override
	public String toString() {
		return "PasswordChanged[userId=" + this.userId + ", keepSessionId=[PROTECTED], by=" + this.by + "]";
	}
}
