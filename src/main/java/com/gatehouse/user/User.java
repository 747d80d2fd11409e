package com.gatehouse.user;

import java.util.LinkedHashMap;
import java.util.Map;

/** A user as the directory shows it: never with a password or its hash. */
public record User(long id, String login, String name, String company, String role, long roleId, boolean enabled) {

	Map<String, Object> asRow() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", this.id);
		row.put("login", this.login);
		row.put("name", this.name);
		row.put("company", this.company);
		row.put("role", this.role);
		row.put("enabled", this.enabled);
		return row;
	}
}
