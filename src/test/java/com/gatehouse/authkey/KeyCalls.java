package com.gatehouse.authkey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The Auth Key calls this package's tests make over HTTP, and what they read back from the store. */
final class KeyCalls {

	static final String GENERATED_KEY = "ghk_[A-Za-z0-9_-]{43}[0-9A-Za-z]{6}";

	private final Api api;

	KeyCalls(Api api) {
		this.api = api;
	}

	/** {@code /rest/ops/<verb>/authinfo} with {@code auth} as the body's auth block. */
	Api.Reply as(Map<String, Object> auth, String verb, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post("/rest/ops/" + verb + "/authinfo", withAuth);
	}

	/** {@code /rest/ops/<verb>/authinfo} as the System-Admin, with its fixture key ({@link Directory}). */
	Api.Reply asAdmin(String verb, Map<String, Object> body) {
		return new Directory(this.api).postAsAdmin("/rest/ops/" + verb + "/authinfo", body);
	}

	/** {@code /rest/ops/<verb>/<type>} with the key in the Authorization header. */
	Api.Reply withKey(String key, String verb, String type, Map<String, Object> body) {
		return this.api.post("/rest/ops/" + verb + "/" + type, body, "Authorization", "token auth=" + key);
	}

	/**
	 * {@code /rest/auth/} with the key in the Authorization header, from a made-up address unless the
	 * headers give one: many calls here fail on purpose, and failures are counted per address.
	 */
	Api.Reply whoAmI(String key, String... headers) {
		List<String> all = new ArrayList<>(List.of("Authorization", "token auth=" + key));
		all.addAll(List.of(headers));
		if (!all.contains("X-Forwarded-For")) {
			all.addAll(List.of("X-Forwarded-For", FakeAddress.unique()));
		}
		return this.api.post("/rest/auth/", Map.of(), all.toArray(String[]::new));
	}

	/** The row of a successful create or update. */
	static JsonNode row(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").size()).isEqualTo(1);
		return reply.json().path("values").path(0);
	}

	/** Makes a key as the System-Admin with these values and answers its row, with the key in token. */
	JsonNode createAsAdmin(Map<String, Object> values) {
		return row(asAdmin("create", Map.of("values", values)));
	}

	JsonNode readAsAdmin(long keyId) {
		return row(asAdmin("read", Map.of("scope", Map.of("id", keyId))));
	}

	/** The Auth Key audit events about user {@code contactId}, oldest first, as "event: detail". */
	static List<String> events(JdbcClient jdbc, long contactId) {
		return jdbc.sql("SELECT event, detail FROM audit_events WHERE contact_id = :id AND event LIKE 'key.%' ORDER BY id")
			.param("id", contactId)
			.query((rs, row) -> rs.getString("event") + ": " + rs.getString("detail"))
			.list();
	}
}
