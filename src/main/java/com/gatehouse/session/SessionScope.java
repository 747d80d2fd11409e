package com.gatehouse.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code scope} of a session read or delete: one session by its handle ({@code id}), or the
 * sessions of the user {@code contact_id}; neither means the caller's own.
 */
record SessionScope(@Pattern(regexp = SessionHandle.FORMAT) @Nullable String id,
		@JsonProperty("contact_id") @Nullable Long contactId) {

	@Nullable SessionHandle handle() {
		return (this.id != null) ? SessionHandle.parse(this.id) : null;
	}
}
