package com.gatehouse;

import java.util.Map;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** Whether a session cookie still works, asked the way a client would: the "who am I" call. */
public final class SessionAssertions {

	private SessionAssertions() {
	}

	public static void assertAlive(Api api, String session) {
		assertThat(api.postWithCookie("/rest/auth/", Map.of(), session).status()).isEqualTo(200);
	}

	public static void assertEnded(Api api, String session) {
		assertFailure(api.postWithCookie("/rest/auth/", Map.of(), session), 401, "auth.failed");
	}
}
