package com.gatehouse.role;

import java.util.Map;

import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code values} of a role create or update; absent members are left unchanged on update.
 * {@code version} (update only) is the role's version as the caller read it: when given, the update
 * applies only to the role as it was then.
 */
public record RoleValues(@NotNull(groups = OnCreate.class) @Pattern(regexp = "[A-Za-z0-9 ._-]{1,64}") @Nullable String name,
		@Pattern(regexp = "[a-zA-Z0-9_]{1,32}") @Nullable String company,
		@Nullable Map<@Pattern(regexp = "[a-z][a-z0-9_.-]{0,63}") String, @NotNull @Pattern(regexp = "yes|company") String> perms,
		@Pattern(regexp = "[0-9a-f]{16}") @Nullable String version) {
}
