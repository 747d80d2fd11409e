package com.gatehouse.auth;

import java.util.Map;

import com.gatehouse.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /rest/auth/} calls the login tests make over HTTP, and the one generic answer every failed
 * credential gets (rest-api.md §2: nothing tells which logins exist).
 */
final class LoginCalls {

	private static final String GENERIC_FAILURE = "{\"result\":\"fail\",\"message\":\"Authentication failed\",\"code\":\"auth.failed\"}";

	private final Api api;

	LoginCalls(Api api) {
		this.api = api;
	}

	/** The session check: {@code /rest/auth/} with nothing but the session cookie. */
	Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}

	/** A password login, without any cookie. */
	Api.Reply login(String username, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", username, "password", password)));
	}

	/** The one answer to failed credentials: a 401 of exactly {@link #GENERIC_FAILURE}, and no cookie. */
	static void assertGenericFailure(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json()).isEqualTo(Api.JSON.readTree(GENERIC_FAILURE));
		assertThat(reply.sessionSetCookie()).isEmpty();
	}
}
