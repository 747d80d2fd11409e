package com.gatehouse.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the audit trail over HTTP, as a test needs it: the raw reply, or the rows the System-Admin sees. */
final class AuditReads {

	private final Api api;

	AuditReads(Api api) {
		this.api = api;
	}

	/** {@code POST /rest/ops/<verb>/audit} with this {@code auth} block and {@code scope}. */
	Api.Reply call(String verb, Map<String, Object> auth, Map<String, Object> scope) {
		Map<String, Object> body = new HashMap<>();
		body.put("auth", auth);
		body.put("scope", scope);
		return this.api.post("/rest/ops/" + verb + "/audit", body);
	}

	/** The rows {@code auth} reads with {@code scope}; the read must succeed. */
	List<JsonNode> rows(Map<String, Object> auth, Map<String, Object> scope) {
		return rows(call("read", auth, scope));
	}

	/** The rows the System-Admin reads with {@code scope}, with its fixture key ({@link Directory}). */
	List<JsonNode> asAdmin(Map<String, Object> scope) {
		return rows(new Directory(this.api).postAsAdmin("/rest/ops/read/audit", Map.of("scope", scope)));
	}

	private static List<JsonNode> rows(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("result").asString()).isEqualTo("success");
		List<JsonNode> rows = new ArrayList<>();
		reply.json().path("values").forEach(rows::add);
		return rows;
	}

	/** The System-Admin's view of the events about one user, newest first. */
	List<JsonNode> about(long contactId) {
		return asAdmin(Map.of("contact_id", contactId));
	}

	static List<String> events(List<JsonNode> rows) {
		return rows.stream().map((row) -> row.path("event").asString()).toList();
	}
}
