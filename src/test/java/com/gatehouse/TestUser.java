package com.gatehouse;

import java.util.Map;

/** A user a test made, with the password it chose. */
public record TestUser(long id, String login, String password, String company) {

	/** The body's {@code auth} block for this user's username and password. */
	public Map<String, Object> auth() {
		return Map.of("type", "auth", "username", this.login, "password", this.password);
	}
}
