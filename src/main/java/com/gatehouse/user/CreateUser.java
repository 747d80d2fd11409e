package com.gatehouse.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The command to create a user: its login and password (both needed: null is refused by the
 * constraints), its name (null: the login), company (null: the caller's) and role (null: User), and
 * whether it is enabled. The REST handler makes one from {@code values}, the console from its form;
 * both check it with these constraints first, so {@link UserChanges#create} never sees a null login.
 */
public record CreateUser(@NotNull @Pattern(regexp = User.LOGIN_FORMAT) @Nullable String login,
		@Size(min = 1, max = User.NAME_MAX) @Pattern(regexp = User.NAME_FORMAT) @Nullable String name,
		@NotNull @Size(min = User.PASSWORD_MIN, max = User.PASSWORD_MAX) @Nullable String password,
		@Pattern(regexp = User.COMPANY_FORMAT) @Nullable String company,
		@Size(min = 1, max = User.ROLE_MAX) @Nullable String role, boolean enabled) {

	@Override
	public String toString() {
		return "CreateUser[login=" + this.login + ", company=" + this.company + ", role=" + this.role
				+ ", password=[PROTECTED]]";
	}
}
