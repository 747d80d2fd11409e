package com.gatehouse.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body into a {@link RestRequest}, leniently as the API documents: any content
 * type is read as JSON, and a missing or unparseable body (or one that is not a JSON object) is
 * {@code {}} (rest-api.md §1). A body over the size limit is refused before it is parsed; members
 * of the wrong JSON kind are a 400, not a guess.
 */
@Component
final class RestRequestReader {

	private final JsonMapper json;

	private final long maxBodyBytes;

	RestRequestReader(JsonMapper json, RestProperties properties) {
		this.json = json;
		this.maxBodyBytes = properties.maxBodySize().toBytes();
	}

	RestRequest read(HttpServletRequest request) throws IOException {
		long announced = request.getContentLengthLong();
		if (announced > this.maxBodyBytes) {
			throw RestFailure.tooLarge(this.maxBodyBytes);
		}
		byte[] body = readAtMost(request.getInputStream(), announced);
		request.setAttribute(RestRequest.BODY_ATTRIBUTE, body);
		JsonNode root = parse(body);
		if (!(root instanceof ObjectNode object)) {
			return RestRequest.empty();
		}
		request.setAttribute(RestRequest.OBJECT_ATTRIBUTE, object);
		return new RestRequest(text(object, "type"), object(object, "scope"), strings(object, "columns", null),
				object(object, "values"), strings(object, "order", List.of()), auth(object));
	}

	/**
	 * The body, at most one byte over the limit. The announced length (already within the limit) sizes
	 * the read: readNBytes(limit) filled an 8 KB chunk for every call, however short its body. A body
	 * that goes on past its announced length, or announced none (chunked), is read on.
	 */
	private byte[] readAtMost(InputStream in, long announced) throws IOException {
		byte[] head = in.readNBytes((int) Math.max(0, announced));
		int next = in.read();
		if (next == -1) {
			return head;
		}
		byte[] tail = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes - head.length));
		byte[] body = Arrays.copyOf(head, head.length + 1 + tail.length);
		body[head.length] = (byte) next;
		System.arraycopy(tail, 0, body, head.length + 1, tail.length);
		if (body.length > this.maxBodyBytes) {
			throw RestFailure.tooLarge(this.maxBodyBytes);
		}
		return body;
	}

	private @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException unparseable) {
			return null;
		}
	}

	private static @Nullable RestAuth auth(ObjectNode body) {
		JsonNode auth = body.get("auth");
		if (auth == null || auth.isNull()) {
			return null;
		}
		if (!auth.isObject()) {
			throw malformed("auth");
		}
		ObjectNode block = (ObjectNode) auth;
		return new RestAuth(text(block, "type"), text(block, "username"), text(block, "password"), text(block, "key"));
	}

	private static @Nullable String text(ObjectNode parent, String name) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw malformed(name);
		}
		return node.asString();
	}

	private static ObjectNode object(ObjectNode parent, String name) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!node.isObject()) {
			throw malformed(name);
		}
		return (ObjectNode) node;
	}

	private static @Nullable List<String> strings(ObjectNode parent, String name, @Nullable List<String> absent) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return absent;
		}
		if (!node.isArray()) {
			throw malformed(name);
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode element : node) {
			if (!element.isString()) {
				throw malformed(name);
			}
			strings.add(element.asString());
		}
		return List.copyOf(strings);
	}

	private static RestFailure malformed(String member) {
		return RestFailure.badRequest("request.malformed", "The member '" + member + "' has the wrong JSON type");
	}
}
