package com.gatehouse.console;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;

/**
 * The signed-in user as every console page shows it (the model's {@code me}): who, and which parts
 * of the navigation apply. Only what the header needs; permission checks are the services' own.
 */
public record ConsoleUser(long id, String login, String name, String company, boolean admin, boolean systemAdmin) {

	/** The user the page's session belongs to; null on a page viewed signed out. */
	static @Nullable ConsoleUser current() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication)
				? of(authentication.caller()) : null;
	}

	static ConsoleUser of(Caller caller) {
		return new ConsoleUser(caller.userId(), caller.login(), caller.name(), caller.company(),
				caller.isAdminOf(caller.company()), caller.isSystemAdmin());
	}
}
