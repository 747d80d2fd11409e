package com.gatehouse.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The command to change a user: each non-null member replaces the user's (its login, name, company,
 * role, enabled flag, password). {@code currentPassword} proves the user's own password, needed only
 * when users change how they themselves sign in (issue 12). The REST handler makes one from
 * {@code values}; the console's forms from {@link #edit} and {@link #newPassword}.
 */
public record ChangeUser(@Pattern(regexp = User.LOGIN_FORMAT) @Nullable String login,
		@Size(min = 1, max = User.NAME_MAX) @Pattern(regexp = User.NAME_FORMAT) @Nullable String name,
		@Pattern(regexp = User.COMPANY_FORMAT) @Nullable String company,
		@Size(min = 1, max = User.ROLE_MAX) @Nullable String role, @Nullable Boolean enabled,
		@Size(min = User.PASSWORD_MIN, max = User.PASSWORD_MAX) @Nullable String password,
		@Size(max = User.CURRENT_PASSWORD_MAX) @Nullable String currentPassword) {

	/** An edit of a user's name, role and enabled flag (null keeps the name or role), as the console's edit form makes. */
	public static ChangeUser edit(@Nullable String name, @Nullable String role, boolean enabled) {
		return new ChangeUser(null, name, null, role, enabled, null, null);
	}

	/** Enabling or disabling the user and nothing else. */
	public static ChangeUser enabled(boolean enabled) {
		return new ChangeUser(null, null, null, null, enabled, null, null);
	}

	/**
	 * A new password and nothing else: an admin's reset, or one's own change proving
	 * {@code currentPassword} (the console's password forms, {@link OwnPassword}).
	 */
	public static ChangeUser newPassword(@Nullable String password, @Nullable String currentPassword) {
		return new ChangeUser(null, null, null, null, null, password, currentPassword);
	}

	/** Whether the change is of how {@code user} signs in: its login, enabled flag or password. */
	boolean changesSignInOf(User user) {
		return this.password != null || (this.login != null && !this.login.equals(user.login()))
				|| (this.enabled != null && this.enabled != user.enabled());
	}

	/** Whether the change sets the password and nothing else, as a self-service change does. */
	boolean changesOnlyPassword() {
		return this.password != null && this.login == null && this.name == null && this.company == null
				&& this.role == null && this.enabled == null;
	}

	@Override
	public String toString() {
		return "ChangeUser[login=" + this.login + ", password=[PROTECTED], currentPassword=[PROTECTED]]";
	}
}
