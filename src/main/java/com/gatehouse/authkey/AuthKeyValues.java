package com.gatehouse.authkey;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code values} of an authinfo create or update (rest-api.md §3, issue 3). {@code token} is a
 * client-chosen key: optional on create (the server generates one), and on update it replaces the
 * key's value, as {@code rotate: true} does with a generated one. {@code name} is a label without
 * control characters; {@code expires} an ISO-8601 instant; {@code restrict} is {@code "read"} or a
 * perms map (see {@link KeyRestriction}) and is set only on create.
 */
public record AuthKeyValues(@NotNull(groups = OnCreate.class) @JsonProperty("contact_id") @Nullable Long contactId,
		@Pattern(regexp = "auth") @Nullable String type, @Pattern(regexp = "key") @Nullable String subtype,
		@Nullable String token,
		@Pattern(regexp = "[^\\p{Cc}]{0,100}", message = "must be at most 100 characters, none a control character")
		@Nullable String name, @Nullable Instant expires, @Nullable JsonNode restrict, @Nullable Boolean rotate) {

	/** The values of a generated key for the user {@code ownerId}, optionally named, expiring and read-only. */
	public static AuthKeyValues newKey(long ownerId, @Nullable String name, @Nullable Instant expires, boolean readOnly) {
		return new AuthKeyValues(ownerId, null, null, null, name, expires,
				readOnly ? JsonNodeFactory.instance.stringNode(KeyRestriction.READ_WORD) : null, null);
	}

	boolean rotates() {
		return Boolean.TRUE.equals(this.rotate);
	}

	@Override
	public String toString() {
		return "AuthKeyValues[contactId=" + this.contactId + ", token=[PROTECTED], name=" + this.name + ", expires="
				+ this.expires + ", restrict=" + this.restrict + ", rotate=" + this.rotate + "]";
	}
}
