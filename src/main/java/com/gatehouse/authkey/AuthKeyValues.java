package com.gatehouse.authkey;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.rest.OnCreate;
import com.gatehouse.rest.RestFailure;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code values} of an authinfo create or update (rest-api.md §3, issue 3), which only the REST
 * handler reads and turns into a command ({@link #toIssueKey}, {@link #toChangeKey}). {@code token}
 * is a client-chosen key: optional on create (the server generates one), and on update it replaces
 * the key's value, as {@code rotate: true} does with a generated one. {@code name} is a label
 * without control characters; {@code expires} an ISO-8601 instant; {@code restrict} is
 * {@code "read"} or a perms map (see {@link KeyRestriction}) and is set only on create.
 */
record AuthKeyValues(@NotNull(groups = OnCreate.class) @JsonProperty("contact_id") @Nullable Long contactId,
		@Pattern(regexp = "auth") @Nullable String type, @Pattern(regexp = "key") @Nullable String subtype,
		@Nullable String token,
		@Pattern(regexp = AuthKey.NAME_FORMAT, message = AuthKey.NAME_RULE) @Nullable String name,
		@Nullable Instant expires, @Nullable JsonNode restrict, @Nullable Boolean rotate) {

	/** The input checks of a create that come before any decision about its owner (400). */
	void requireCreatable() {
		requireWellFormed(this.token);
		if (rotates()) {
			throw RestFailure.badRequest("request.invalid", "rotate applies to an existing key: use update");
		}
	}

	/** The create as a command; a malformed {@code restrict} is 400. */
	IssueKey toIssueKey() {
		return new IssueKey(this.name, this.expires, KeyRestriction.fromRequest(this.restrict), this.token);
	}

	/** The update of {@code key} as a command; values that name nothing to change, or what cannot change, are 400. */
	ChangeKey toChangeKey(AuthKey key) {
		requireWellFormed(this.token);
		if (this.contactId != null && this.contactId != key.userId()) {
			throw RestFailure.badRequest("authinfo.owner_immutable", "A key cannot move to another user");
		}
		if (this.restrict != null) {
			throw RestFailure.badRequest("authinfo.restrict_immutable", "What a key may do is fixed: make a new key");
		}
		if (this.token != null && rotates()) {
			throw RestFailure.badRequest("request.invalid", "Give either values.token or values.rotate, not both");
		}
		if (this.token == null && !rotates() && this.name == null && this.expires == null) {
			throw RestFailure.badRequest("request.invalid", "Give values.token, rotate, name or expires");
		}
		return new ChangeKey(this.name, this.expires, this.token, rotates());
	}

	private boolean rotates() {
		return Boolean.TRUE.equals(this.rotate);
	}

	private static void requireWellFormed(@Nullable String token) {
		if (token != null && !AuthKeyFormat.isWellFormed(token)) {
			throw RestFailure.badRequest("request.invalid", "token must be 32 to 256 characters of A-Z a-z 0-9 _ -,"
					+ " and one starting with " + AuthKeyFormat.PREFIX + " must end with its checksum");
		}
		if (token != null && !AuthKeyFormat.isUnguessable(token)) {
			throw RestFailure.badRequest("authinfo.token_weak", "token is too easy to guess: it needs an estimated "
					+ AuthKeyFormat.MIN_CHOSEN_BITS + " bits (no padding, runs or repeats); omit it to get a generated key");
		}
	}

	@Override
	public String toString() {
		return "AuthKeyValues[contactId=" + this.contactId + ", token=[PROTECTED], name=" + this.name + ", expires="
				+ this.expires + ", restrict=" + this.restrict + ", rotate=" + this.rotate + "]";
	}
}
