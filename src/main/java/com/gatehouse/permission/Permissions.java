package com.gatehouse.permission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A role's permissions: permission name to {@link Grant}. {@link #asJson()} is the {@code perms}
 * object of the login reply.
 */
public record Permissions(Map<String, Grant> grants) {

	/** Held by System-Admins ("yes") and Company-Admins ("company"). */
	public static final String ADMIN = "admin";

	public Permissions {
		grants = Map.copyOf(grants);
	}

	public static Permissions none() {
		return new Permissions(Map.of());
	}

	public Optional<Grant> grantOf(String permission) {
		return Optional.ofNullable(this.grants.get(permission));
	}

	public boolean holds(String permission, Grant grant) {
		return grantOf(permission).map((held) -> held.covers(grant)).orElse(false);
	}

	public Map<String, String> asJson() {
		Map<String, String> json = new LinkedHashMap<>();
		new TreeMap<>(this.grants).forEach((name, grant) -> json.put(name, grant.word()));
		return json;
	}
}
