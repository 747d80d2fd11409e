package com.gatehouse.company;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.gatehouse.rest.OnCreate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code values} of a company create or update, with the documented patterns (rest-api.md §4):
 * the company's id is {@code values.company} as documented (§5), or {@code values.id}, our older name,
 * and our own {@code description}: up to 1000 characters of text, line breaks allowed, no other
 * control characters.
 */
public record CompanyValues(
		@JsonProperty("company") @JsonAlias("id") @NotNull(groups = OnCreate.class) @Pattern(regexp = "[a-zA-Z0-9_]{1,32}")
		@Nullable String id,
		@NotNull(groups = OnCreate.class) @Pattern(regexp = "[a-zA-Z0-9.,;\\-_ ]{1,240}") @Nullable String name,
		@Size(max = 1000) @Pattern(regexp = "[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*") @Nullable String description,
		@Nullable ObjectNode data) {
}
