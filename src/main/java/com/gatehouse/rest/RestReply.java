package com.gatehouse.rest;

import java.util.LinkedHashMap;
import java.util.List;
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

	/**
	 * The answer of a read: its rows in {@code values} and their number in {@code numrows}, which
	 * public clients read (rest-api.md §5). {@code values} is an array of rows, or for
	 * {@code type: company} an object of them.
	 */
	public static Map<String, Object> read(Object values, int numrows) {
		Map<String, Object> reply = values(values);
		reply.put("numrows", numrows);
		return reply;
	}

	public static Map<String, Object> read(List<?> rows) {
		return read(rows, rows.size());
	}
}
