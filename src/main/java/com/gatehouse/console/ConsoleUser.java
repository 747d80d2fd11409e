package com.gatehouse.console;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;

/**
 * The signed-in user as every console page shows it (the model's {@code me}): who, and which parts
 * of the navigation apply, as the decision point answers: {@code admin} for one who sees its
 * company's users, roles and events, {@code everyCompany} for one who acts in every company (the
 * Companies page, a company to pick). Only what the pages need; permission checks are the services' own.
 */
public record ConsoleUser(long id, String login, String name, String company, boolean admin, boolean everyCompany) {

	/** The user the page's session belongs to; null on a page viewed signed out. */
	static @Nullable ConsoleUser current(AccessPolicy policy) {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication)
				? of(authentication.caller(), policy) : null;
	}

	static ConsoleUser of(Caller caller, AccessPolicy policy) {
		return new ConsoleUser(caller.userId(), caller.login(), caller.name(), caller.company(),
				policy.sees(caller, caller.company()), policy.actsInEveryCompany(caller));
	}
}
