package com.gatehouse.user;

import org.jspecify.annotations.Nullable;

/** The {@code scope} of a user read, update or delete. */
record UserScope(@Nullable Long id, @Nullable String login, @Nullable String company) {

	boolean namesOne() {
		return this.id != null || this.login != null;
	}
}
