package com.gatehouse.authcache;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The calls the cache tests watch a change with: each authenticates afresh with one credential. */
final class AuthCalls {

	/** Far more uses than the signals a test's setup sends could spoil. */
	private static final int USES_TO_WARM = 10;

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
	 * Uses the key until the instance answers it from its cache: until {@code hits}, the hit count of
	 * the cache the test needs filled, grows. Two uses are not always enough. The first stamps the key
	 * as used, which drops the row read before the stamp. And a load that overlaps a change signal
	 * keeps nothing ({@link AuthCache}): on PostgreSQL the signals of the test's own writes just
	 * before may reach the instance during any of the first uses.
	 */
	static void warm(Api instance, String key, DoubleSupplier hits) {
		double before = hits.getAsDouble();
		for (int use = 0; use < USES_TO_WARM; use++) {
			assertThat(withKey(instance, key).status()).isEqualTo(200);
			if (hits.getAsDouble() > before) {
				return;
			}
		}
		fail("%d uses of the key were none of them answered from the cache", USES_TO_WARM);
	}
}
