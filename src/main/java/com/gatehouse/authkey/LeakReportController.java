package com.gatehouse.authkey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestProperties;
import com.gatehouse.rest.RestReply;

/**
 * {@code POST /rest/auth/revoke} with {@code {"keys": [...]}}: whoever finds leaked Auth Keys (a
 * secret scanner, a user, a stranger) revokes them without credentials (issue 3). The answer is the
 * same {@code success} whether any key was live, so the call tells nothing about which keys exist.
 * It is rate limited per client address and takes at most {@code leakReportMaxKeys} keys. Its own
 * filter chain ({@link LeakReportSecurity}) authenticates nobody, so this reads its body itself,
 * with the envelope's size limit and leniency about the content type.
 */
@RestController
final class LeakReportController {

	static final String PATH = "/rest/auth/revoke";

	private final LeakReportThrottle throttle;

	private final LeakedKeys leaked;

	private final JsonMapper json;

	private final long maxBodyBytes;

	private final int maxKeys;

	LeakReportController(LeakReportThrottle throttle, LeakedKeys leaked, JsonMapper json, RestProperties rest,
			AuthKeyProperties properties) {
		this.throttle = throttle;
		this.leaked = leaked;
		this.json = json;
		this.maxBodyBytes = rest.maxBodySize().toBytes();
		this.maxKeys = properties.leakReportMaxKeys();
	}

	@PostMapping({ PATH, PATH + "/" })
	Map<String, Object> revoke(HttpServletRequest request) throws IOException {
		this.throttle.admit(request.getRemoteAddr());
		this.leaked.revoke(keys(body(request)));
		return RestReply.success();
	}

	private JsonNode body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			throw RestFailure.tooLarge(this.maxBodyBytes);
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
		if (body.length > this.maxBodyBytes) {
			throw RestFailure.tooLarge(this.maxBodyBytes);
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException unparseable) {
			throw invalid();
		}
	}

	private List<String> keys(JsonNode body) {
		JsonNode keys = body.path("keys");
		if (!keys.isArray()) {
			throw invalid();
		}
		if (keys.size() > this.maxKeys) {
			throw RestFailure.badRequest("request.too_many_keys", "A report may name at most " + this.maxKeys + " keys");
		}
		List<String> values = new ArrayList<>();
		for (JsonNode key : keys) {
			if (!key.isString()) {
				throw invalid();
			}
			values.add(key.asString());
		}
		return values;
	}

	private static RestFailure invalid() {
		return RestFailure.badRequest("request.invalid", "Send {\"keys\": [\"<key>\", ...]}");
	}
}
