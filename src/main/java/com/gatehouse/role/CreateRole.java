package com.gatehouse.role;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;

/**
 * The command to create a role: its name (needed: null is refused by the constraints), its company
 * (null: a global role, usable in every company) and what it grants. The REST handler makes one
 * from {@code values}, the console from its form; both check it with these constraints first.
 */
public record CreateRole(@NotNull @Pattern(regexp = Role.NAME_FORMAT) @Nullable String name,
		@Pattern(regexp = Role.COMPANY_FORMAT) @Nullable String company,
		Map<@Pattern(regexp = Role.PERMISSION_FORMAT) String, Grant> grants) {

	Permissions perms() {
		return new Permissions(this.grants);
	}
}
