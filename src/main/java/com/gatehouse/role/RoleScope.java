package com.gatehouse.role;

import org.jspecify.annotations.Nullable;

/** The {@code scope} of a role read, update or delete. */
record RoleScope(@Nullable Long id, @Nullable String name, @Nullable String company) {
}
