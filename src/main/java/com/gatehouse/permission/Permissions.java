package com.gatehouse.permission;

import java.util.HashMap;
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

	/**
	 * The permissions held here that {@code limit} also names, each no wider than either: a grant of
	 * "yes" limited to "company" is "company"; a permission {@code limit} does not name is dropped.
	 */
	public Permissions narrowedTo(Permissions limit) {
		Map<String, Grant> narrowed = new HashMap<>();
		limit.grants.forEach((permission, allowed) -> grantOf(permission)
			.ifPresent((held) -> narrowed.put(permission, held.covers(allowed) ? allowed : held)));
		return new Permissions(narrowed);
	}

	/** Whether {@code other} holds every grant here, at least as wide. */
	public boolean within(Permissions other) {
		return this.grants.entrySet().stream().allMatch((grant) -> other.holds(grant.getKey(), grant.getValue()));
	}

	public Map<String, String> asJson() {
		Map<String, String> json = new LinkedHashMap<>();
		new TreeMap<>(this.grants).forEach((name, grant) -> json.put(name, grant.word()));
		return json;
	}
}
