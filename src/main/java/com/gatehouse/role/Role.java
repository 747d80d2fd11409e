package com.gatehouse.role;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import com.gatehouse.permission.Permissions;

/**
 * A named set of permissions. {@code company} is the company handle it belongs to, or null for a
 * role usable in every company; built-in roles (System-Admin, Company-Admin, User) cannot change.
 */
public record Role(long id, String name, @Nullable String company, boolean builtin, Permissions perms) {

	public static final String USER = "User";

	public Map<String, Object> asRow() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", this.id);
		row.put("name", this.name);
		row.put("company", this.company);
		row.put("perms", this.perms.asJson());
		row.put("builtin", this.builtin);
		return row;
	}
}
