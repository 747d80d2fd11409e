package com.gatehouse.role;

import java.util.Map;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;

/**
 * The command to change a role: a new name, and what it grants instead (null keeps each).
 * {@code version} is the role's version as the caller read it: when given, the change applies only
 * to the role as it was then. The REST handler makes one from {@code values}, the console from its
 * form.
 */
public record ChangeRole(@Pattern(regexp = Role.NAME_FORMAT) @Nullable String name,
		@Nullable Map<@Pattern(regexp = Role.PERMISSION_FORMAT) String, Grant> grants,
		@Pattern(regexp = Role.VERSION_FORMAT) @Nullable String version) {

	/** What the role grants after the change, when it grants {@code before} now. */
	Permissions permsAfter(Permissions before) {
		return (this.grants != null) ? new Permissions(this.grants) : before;
	}
}
