package com.gatehouse.role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code type: "role"} calls with a given {@code auth} block, and what the role tests read from replies. */
final class RoleCalls {

	private final Api api;

	RoleCalls(Api api) {
		this.api = api;
	}

	Api.Reply call(Map<String, Object> auth, String verb, Map<String, Object> body) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post("/rest/ops/" + verb + "/role", withAuth);
	}

	/** The same with a raw JSON body (for values a Map cannot hold, such as a null grant). */
	Api.Reply call(Map<String, Object> auth, String verb, String json) {
		String withAuth = json.substring(0, json.length() - 1) + ",\"auth\":" + Api.JSON.writeValueAsString(auth) + "}";
		return this.api.post("/rest/ops/" + verb + "/role", withAuth);
	}

	Api.Reply create(Map<String, Object> auth, Map<String, Object> values) {
		return call(auth, "create", Map.of("values", values));
	}

	/** Creates a role as the System-Admin (global when {@code company} is null) and answers its row. */
	JsonNode created(@Nullable String company, Map<String, String> perms) {
		Map<String, Object> values = new HashMap<>(Map.of("name", Directory.unique("Role"), "perms", perms));
		if (company != null) {
			values.put("company", company);
		}
		Api.Reply reply = new Directory(this.api).postAsAdmin("/rest/ops/create/role", Map.of("values", values));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0);
	}

	/** The same, answering the role's name. */
	String createdName(@Nullable String company, Map<String, String> perms) {
		return created(company, perms).path("name").asString();
	}

	static List<String> names(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		List<String> names = new ArrayList<>();
		reply.json().path("values").forEach((row) -> names.add(row.path("name").asString()));
		return names;
	}

	static Map<String, String> perms(JsonNode row) {
		assertThat(row.path("perms").isObject()).as("perms of %s", row).isTrue();
		Map<String, String> perms = new HashMap<>();
		row.path("perms").properties().forEach((entry) -> perms.put(entry.getKey(), entry.getValue().asString()));
		return perms;
	}
}
