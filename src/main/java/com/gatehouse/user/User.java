package com.gatehouse.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A user as the directory shows it: never with a password or its hash. */
public record User(long id, String login, String name, String company, String role, long roleId, boolean enabled) {

	/** The rules of a user's members, one spelling for every input that sets them (REST values, the commands). */
	static final String LOGIN_FORMAT = "[A-Za-z0-9._@+-]{1,64}";

	static final String NAME_FORMAT = "[^\\p{Cntrl}]*";

	static final String COMPANY_FORMAT = "[a-zA-Z0-9_]{1,32}";

	static final int NAME_MAX = 240;

	static final int ROLE_MAX = 64;

	static final int PASSWORD_MIN = 12;

	static final int PASSWORD_MAX = 128;

	/** A proof of one's current password is compared, never stored: this only bounds the work. */
	static final int CURRENT_PASSWORD_MAX = 1024;

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

	/** The user for the audit trail's detail: "role User, enabled". */
	String describe() {
		return "role " + this.role + (this.enabled ? ", enabled" : ", disabled");
	}

	/** What {@code after} changes, for the audit trail's detail: "name 'A' -> 'B', role 'User' -> 'Deputy'". */
	String changesTo(User after) {
		List<String> changes = new ArrayList<>();
		change(changes, "login", this.login, after.login);
		change(changes, "name", this.name, after.name);
		change(changes, "company", this.company, after.company);
		change(changes, "role", this.role, after.role);
		change(changes, "enabled", this.enabled, after.enabled);
		return String.join(", ", changes);
	}

	private static void change(List<String> changes, String member, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(member + " '" + before + "' -> '" + after + "'");
		}
	}
}
