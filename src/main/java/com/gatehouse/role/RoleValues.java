package com.gatehouse.role;

import java.util.Map;
import java.util.stream.Collectors;

import com.gatehouse.permission.Grant;
import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code values} of a role create or update, as the REST API spells them (grants as their words),
 * which only {@link RoleHandler} reads and turns into a command ({@link #toCreateRole},
 * {@link #toChangeRole}); absent members are left unchanged on update. {@code version} (update
 * only) is the role's version as the caller read it.
 */
record RoleValues(@NotNull(groups = OnCreate.class) @Pattern(regexp = Role.NAME_FORMAT) @Nullable String name,
		@Pattern(regexp = Role.COMPANY_FORMAT) @Nullable String company,
		@Nullable Map<@Pattern(regexp = Role.PERMISSION_FORMAT) String, @NotNull @Pattern(regexp = "yes|company") String> perms,
		@Pattern(regexp = Role.VERSION_FORMAT) @Nullable String version) {

	CreateRole toCreateRole() {
		return new CreateRole(this.name, this.company, (this.perms != null) ? grants(this.perms) : Map.of());
	}

	ChangeRole toChangeRole() {
		return new ChangeRole(this.name, (this.perms != null) ? grants(this.perms) : null, this.version);
	}

	/** The grants the words name; the constraints above have let only "yes" and "company" through. */
	private static Map<String, Grant> grants(Map<String, String> words) {
		return words.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Grant.fromWord(entry.getValue()).orElseThrow()));
	}
}
