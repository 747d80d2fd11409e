package com.gatehouse.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.rest.RestRequest;

/**
 * Takes the credential out of a body that goes upstream: a JSON object loses its {@code auth}
 * member (rest-api.md §3: a key or a password in the body); any other body, which carries no
 * credential Gatehouse would read, goes as it came. The envelope filter has parsed the body
 * already: a body without {@code auth} (the usual one) goes as it came without being parsed or
 * written again, and one with it is written from a copy of that parse.
 */
@Component
final class RequestBodies {

	private static final String AUTH = "auth";

	private final JsonMapper json;

	RequestBodies(JsonMapper json) {
		this.json = json;
	}

	byte[] withoutAuth(HttpServletRequest request) {
		byte[] body = RestRequest.body(request);
		ObjectNode object = RestRequest.bodyObject(request);
		if (object == null || !object.has(AUTH)) {
			return body;
		}
		ObjectNode forwarded = object.deepCopy();
		forwarded.remove(AUTH);
		return this.json.writeValueAsBytes(forwarded);
	}
}
