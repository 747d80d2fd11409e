package com.gatehouse.authcache;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Directory;

/** An Auth Key made for a test by the System-Admin: its id and its value, shown this once. */
record IssuedKey(long id, String token) {

	static IssuedKey issue(Directory directory, long userId) {
		return issue(directory, Map.of("contact_id", userId));
	}

	static IssuedKey issue(Directory directory, Map<String, Object> values) {
		JsonNode row = directory.asAdmin("create", "authinfo", Map.of("values", values)).json().path("values").path(0);
		return new IssuedKey(row.path("id").asLong(), row.path("token").asString());
	}

	/** Revokes it. */
	void revoke(Directory directory) {
		directory.asAdmin("delete", "authinfo", Map.of("scope", Map.of("id", this.id)));
	}
}
