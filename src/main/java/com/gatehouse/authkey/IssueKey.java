package com.gatehouse.authkey;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The command to issue an Auth Key to a user: an optional label ({@code null}: none) and expiry,
 * what the key is restricted to, and a client-chosen value ({@code null}: the server generates one).
 * The REST handler makes one from {@code values}, the console from its form.
 */
public record IssueKey(@Pattern(regexp = AuthKey.NAME_FORMAT, message = AuthKey.NAME_RULE) @Nullable String name, @Nullable Instant expires, KeyRestriction restriction,
		@Nullable String token) {

	/** A generated key, optionally named, expiring and read-only, as the console's form asks for. */
	public static IssueKey generated(@Nullable String name, @Nullable Instant expires, boolean readOnly) {
		return new IssueKey(name, expires, readOnly ? KeyRestriction.READ : KeyRestriction.NONE, null);
	}

	@Override
	public String toString() {
		return "IssueKey[name=" + this.name + ", expires=" + this.expires + ", restriction=" + this.restriction
				+ ", token=[PROTECTED]]";
	}
}
