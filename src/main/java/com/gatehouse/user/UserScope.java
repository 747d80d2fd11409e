package com.gatehouse.user;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Caller;

/** The {@code scope} of a user read, update or delete. */
record UserScope(@Nullable Long id, @Nullable String login, @Nullable String company) {

	boolean namesOne() {
		return this.id != null || this.login != null;
	}

	/** Whether the scope names exactly the caller's own account. */
	boolean namesSelf(Caller caller) {
		return namesOne() && (this.id == null || this.id == caller.userId())
				&& (this.login == null || this.login.toLowerCase(Locale.ROOT).equals(caller.login().toLowerCase(Locale.ROOT)));
	}
}
