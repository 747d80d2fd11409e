package com.gatehouse.authcache;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls the cache tests watch a change with: each authenticates afresh with one credential. */
final class AuthCalls {

	private AuthCalls() {
	}

	static Api.Reply whoAmI(Api instance, String session) {
		return instance.postWithCookie("/rest/auth/", Map.of(), session);
	}

	static Api.Reply withKey(Api instance, String key) {
		return instance.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}

	/** A Company-Admin's call: 403 once its key's owner no longer holds {@code admin}. */
	static Api.Reply readUsers(Api instance, String key, String company) {
		return instance.post("/rest/ops/read/user", Map.of("scope", Map.of("company", company)), "Authorization",
				"token auth=" + key);
	}

	/** The companies a "who am I" says its caller may act in. */
	static List<String> companiesOf(Api.Reply whoAmI) {
		assertThat(whoAmI.status()).as("%s", whoAmI).isEqualTo(200);
		return whoAmI.json().path("user").path("companies").valueStream().map(JsonNode::asString).toList();
	}

	/**
	 * Uses the key until the instance has it cached: the first use stamps the key as used, which
	 * drops the row read before the stamp, so the second reads it again and keeps it.
	 */
	static void warm(Api instance, String key) {
		for (int i = 0; i < 3; i++) {
			assertThat(withKey(instance, key).status()).isEqualTo(200);
		}
	}
}
