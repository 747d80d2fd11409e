package com.gatehouse.rest;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /rest/ops/ calls the scope filter tests make over HTTP: any verb on any type as a given caller
 * with a scope and values, and what they read back to see whether a call changed anything.
 */
final class OpsCalls {

	private final Api api;

	OpsCalls(Api api) {
		this.api = api;
	}

	/** {@code /rest/ops/<verb>/<type>} with {@code auth} as the body's auth block. */
	Api.Reply call(Map<String, Object> auth, String verb, String type, Map<String, Object> scope,
			Map<String, Object> values) {
		Map<String, Object> body = new HashMap<>();
		body.put("auth", auth);
		body.put("scope", scope);
		body.put("values", values);
		return this.api.post("/rest/ops/" + verb + "/" + type, body);
	}

	/** The user's name as the System-Admin reads it. */
	String nameOf(TestUser user) {
		JsonNode rows = new Directory(this.api).asAdmin("read", "user", Map.of("scope", Map.of("id", user.id())))
			.json()
			.path("values");
		assertThat(rows).as("user %s", user.login()).hasSize(1);
		return rows.path(0).path("name").asString();
	}

	/** Whether the Auth Key still authenticates. */
	boolean authenticates(String key) {
		return "success".equals(this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", key))).result());
	}
}
