package com.gatehouse.rest;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One REST call's body, read once by {@link RestEnvelopeFilter}: {@code type}, {@code scope},
 * {@code columns}, {@code values}, {@code order} and {@code auth}, every one optional
 * (rest-api.md §1). An absent {@code columns} means all columns; an absent {@code auth} means no
 * credentials in the body.
 */
public record RestRequest(@Nullable String type, ObjectNode scope, @Nullable List<String> columns, ObjectNode values,
		List<String> order, @Nullable RestAuth auth) {

	static final String ATTRIBUTE = RestRequest.class.getName();

	static final String BODY_ATTRIBUTE = RestRequest.class.getName() + ".body";

	static final String OBJECT_ATTRIBUTE = RestRequest.class.getName() + ".object";

	private static final byte[] NO_BODY = new byte[0];

	public static RestRequest empty() {
		return new RestRequest(null, JsonNodeFactory.instance.objectNode(), null, JsonNodeFactory.instance.objectNode(),
				List.of(), null);
	}

	/** The body of the current call as the envelope filter read it, or {@link #empty()} outside /rest/. */
	public static RestRequest of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof RestRequest read) ? read : empty();
	}

	/**
	 * The call's type: {@code onPath} or the body's {@code type}; when both are given they must agree
	 * (400, rest-api.md §1). Null when neither names one.
	 */
	public @Nullable String typeWith(@Nullable String onPath) {
		if (onPath != null && this.type != null && !onPath.equals(this.type)) {
			throw RestFailure.badRequest("request.type_conflict", "The type on the path and in the body differ");
		}
		return (onPath != null) ? onPath : this.type;
	}

	/**
	 * The body of the current call exactly as the envelope filter read it (empty when it read none),
	 * for the gateway, which forwards it after the filter consumed the stream.
	 */
	public static byte[] body(HttpServletRequest request) {
		return (request.getAttribute(BODY_ATTRIBUTE) instanceof byte[] body) ? body : NO_BODY;
	}

	/**
	 * The body of the current call as the JSON object the envelope filter parsed it into, or null
	 * when it read none or it was no JSON object: the gateway takes {@code auth} out of it without
	 * parsing the body again. Shared with the rest of the call, so not to be changed.
	 */
	public static @Nullable ObjectNode bodyObject(HttpServletRequest request) {
		return (request.getAttribute(OBJECT_ATTRIBUTE) instanceof ObjectNode object) ? object : null;
	}
}
