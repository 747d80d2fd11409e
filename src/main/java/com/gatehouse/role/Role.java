package com.gatehouse.role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

	/** The rules of what sets a role, one spelling for every input (REST values, the commands). */
	static final String NAME_FORMAT = "[A-Za-z0-9 ._-]{1,64}";

	static final String COMPANY_FORMAT = "[a-zA-Z0-9_]{1,32}";

	static final String PERMISSION_FORMAT = "[a-z][a-z0-9_.-]{0,63}";

	static final String VERSION_FORMAT = "[0-9a-f]{16}";

	public Map<String, Object> asRow() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", this.id);
		row.put("name", this.name);
		row.put("company", this.company);
		row.put("perms", this.perms.asJson());
		row.put("builtin", this.builtin);
		row.put("version", version());
		return row;
	}

	/**
	 * A token of what the role says now (name and perms): an update that names the version it was
	 * made from fails with 409 when the role has changed since, instead of silently undoing the
	 * other change. The content, not a counter, so that no schema change is needed and a change
	 * undone again conflicts with nothing.
	 */
	public String version() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((this.name + "\n" + this.perms.asJson()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("every Java platform has SHA-256", missing);
		}
	}
}
