package com.gatehouse;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The one JSON failure shape of rest-api.md §2, asserted the same way by every test. */
public final class Failures {

	private Failures() {
	}

	/** The reply is exactly {@code {"result":"fail","message":<text>,"code":<code>}} with this status, as JSON. */
	public static void assertFailure(Api.Reply reply, int status, String code) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(status);
		assertThat(reply.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode json = reply.json();
		assertThat(json.propertyNames()).containsExactly("result", "message", "code");
		assertThat(json.path("result").asString()).isEqualTo("fail");
		assertThat(json.path("code").asString()).isEqualTo(code);
		assertThat(json.path("message").asString()).isNotBlank();
	}
}
