package com.gatehouse.rest;

import org.jspecify.annotations.Nullable;

/**
 * The {@code auth} block of a request body, as sent. Every member may be absent; judging them is
 * the credentials layer's job. Holds a password or key, so it never prints them.
 */
public record RestAuth(@Nullable String type, @Nullable String username, @Nullable String password,
		@Nullable String key) {

	@Override
	public String toString() {
		return "RestAuth[type=" + this.type + ", username=" + this.username + ", password=[PROTECTED], key=[PROTECTED]]";
	}
}
