package com.gatehouse.permission;

import org.jspecify.annotations.Nullable;

/**
 * What a read of users' belongings (their Auth Keys) covers, as {@link AccessPolicy#oversight}
 * decides it: the belongings of the user {@code owner} (null: of any user) among the users of
 * {@code company} (null: of every company).
 */
public record Oversight(@Nullable Long owner, @Nullable String company) {
}
