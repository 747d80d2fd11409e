package com.gatehouse.gateway;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes the credential out of a body that goes upstream: a JSON object loses its {@code auth}
 * member (rest-api.md §3: a key or a password in the body); any other body, which carries no
 * credential Gatehouse would read, goes as it came.
 */
@Component
final class RequestBodies {

	private static final String AUTH = "auth";

	private final JsonMapper json;

	RequestBodies(JsonMapper json) {
		this.json = json;
	}

	byte[] withoutAuth(byte[] body) {
		if (body.length == 0) {
			return body;
		}
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException notJson) {
			return body;
		}
		if (!(root instanceof ObjectNode object) || !object.has(AUTH)) {
			return body;
		}
		object.remove(AUTH);
		return this.json.writeValueAsBytes(object);
	}
}
