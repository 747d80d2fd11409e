package com.gatehouse.authkey;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The {@code scope} of an authinfo read, update or delete. */
record AuthKeyScope(@Nullable Long id, @JsonProperty("contact_id") @Nullable Long contactId) {
}
