package com.gatehouse.authkey;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code values} of an authinfo create or update (rest-api.md §3). {@code token} is optional on
 * create (the server generates one) and must then meet the client-chosen key rule.
 */
record AuthKeyValues(@NotNull(groups = OnCreate.class) @JsonProperty("contact_id") @Nullable Long contactId,
		@Pattern(regexp = "auth") @Nullable String type, @Pattern(regexp = "key") @Nullable String subtype,
		@Pattern(regexp = "[A-Za-z0-9_-]{32,256}", message = "must be 32 to 256 characters of A-Z a-z 0-9 _ -")
		@Nullable String token) {

	@Override
	public String toString() {
		return "AuthKeyValues[contactId=" + this.contactId + ", token=[PROTECTED]]";
	}
}
