package com.gatehouse.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the success envelope {@code {"result":"success", ...}} (rest-api.md §1), members in the
 * order they are added.
 */
public final class RestReply {

	private RestReply() {
	}

	public static Map<String, Object> success() {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("result", "success");
		return reply;
	}

	public static Map<String, Object> values(Object values) {
		Map<String, Object> reply = success();
		reply.put("values", values);
		return reply;
	}
}
