package com.gatehouse.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The {@code values} of a user create or update, as the REST API spells them, which only
 * {@link UserHandler} reads and turns into a command ({@link #toCreateUser}, {@link #toChangeUser});
 * absent members keep their value on update, and default on create (name: the login, company: the
 * caller's, role: User, enabled: true). {@code current_password} is needed only to change your own
 * login, enabled flag or password.
 */
record UserValues(@NotNull(groups = OnCreate.class) @Pattern(regexp = User.LOGIN_FORMAT) @Nullable String login,
		@Size(min = 1, max = User.NAME_MAX) @Pattern(regexp = User.NAME_FORMAT) @Nullable String name,
		@NotNull(groups = OnCreate.class) @Size(min = User.PASSWORD_MIN, max = User.PASSWORD_MAX) @Nullable String password,
		@Pattern(regexp = User.COMPANY_FORMAT) @Nullable String company,
		@Size(min = 1, max = User.ROLE_MAX) @Nullable String role, @Nullable Boolean enabled,
		@JsonProperty("current_password") @Size(max = User.CURRENT_PASSWORD_MAX) @Nullable String currentPassword) {

	CreateUser toCreateUser() {
		return new CreateUser(this.login, this.name, this.password, this.company, this.role,
				!Boolean.FALSE.equals(this.enabled));
	}

	ChangeUser toChangeUser() {
		return new ChangeUser(this.login, this.name, this.company, this.role, this.enabled, this.password,
				this.currentPassword);
	}

	@Override
	public String toString() {
		return "UserValues[login=" + this.login + ", password=[PROTECTED], current_password=[PROTECTED]]";
	}
}
