package com.gatehouse.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The {@code values} of a user create or update; absent members keep their value on update, and
 * default on create (name: the login, company: the caller's, role: User, enabled: true).
 * {@code current_password} is needed only to change your own login, enabled flag or password.
 */
public record UserValues(@NotNull(groups = OnCreate.class) @Pattern(regexp = "[A-Za-z0-9._@+-]{1,64}") @Nullable String login,
		@Size(min = 1, max = 240) @Pattern(regexp = "[^\\p{Cntrl}]*") @Nullable String name,
		@NotNull(groups = OnCreate.class) @Size(min = 12, max = 128) @Nullable String password,
		@Pattern(regexp = "[a-zA-Z0-9_]{1,32}") @Nullable String company, @Size(min = 1, max = 64) @Nullable String role,
		@Nullable Boolean enabled,
		@JsonProperty("current_password") @Size(max = 1024) @Nullable String currentPassword) {

	/**
	 * A new password and nothing else (an admin's reset, or one's own change proving
	 * {@code currentPassword}): the console's password forms, without a row of positional nulls.
	 */
	public static UserValues newPassword(@Nullable String password, @Nullable String currentPassword) {
		return new UserValues(null, null, password, null, null, null, currentPassword);
	}

	/** An edit of a user's name, role and enabled flag (null keeps the name or role), as the console's edit form makes. */
	public static UserValues edit(@Nullable String name, @Nullable String role, boolean enabled) {
		return new UserValues(null, name, null, null, role, enabled, null);
	}

	/** Enabling or disabling the user and nothing else. */
	public static UserValues enabled(boolean enabled) {
		return new UserValues(null, null, null, null, null, enabled, null);
	}

	/** Whether the update changes how {@code user} signs in: its login, enabled flag or password. */
	boolean changesSignInOf(User user) {
		return this.password != null || (this.login != null && !this.login.equals(user.login()))
				|| (this.enabled != null && this.enabled != user.enabled());
	}

	/** Whether the update changes the password and nothing else, as a self-service change does. */
	boolean changesOnlyPassword() {
		return this.password != null && this.login == null && this.name == null && this.company == null
				&& this.role == null && this.enabled == null;
	}

	@Override
	public String toString() {
		return "UserValues[login=" + this.login + ", password=[PROTECTED], current_password=[PROTECTED]]";
	}
}
