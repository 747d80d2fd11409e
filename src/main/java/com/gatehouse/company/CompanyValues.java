package com.gatehouse.company;

import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The {@code values} of a company create or update, with the documented patterns (rest-api.md §4). */
record CompanyValues(@NotNull(groups = OnCreate.class) @Pattern(regexp = "[a-zA-Z0-9_]{1,32}") @Nullable String id,
		@NotNull(groups = OnCreate.class) @Pattern(regexp = "[a-zA-Z0-9.,;\\-_ ]{1,240}") @Nullable String name,
		@Nullable ObjectNode data) {
}
