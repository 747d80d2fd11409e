package com.gatehouse.rest;

import java.util.Locale;
import java.util.Map;

import com.gatehouse.Api;
import com.gatehouse.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the envelope tests send and expect back: the System-Admin's read of one company, and the
 * answers every call must give. Their failure check is stricter than {@code Failures.assertFailure}
 * (no HTML page, no exception name, a string message), as these tests aim at the paths where a
 * servlet container or a parser would answer on its own.
 */
final class EnvelopeReplies {

	private EnvelopeReplies() {
	}

	static void assertCompanyRead(Api.Reply reply, String company) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(reply.json().path("values").propertyNames()).containsExactly(company);
	}

	static void assertFailure(Api.Reply reply, int status, String code) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(status);
		assertJsonFailureShape(reply);
		assertThat(reply.code()).isEqualTo(code);
	}

	static void assertJsonFailureShape(Api.Reply reply) {
		assertThat(reply.header("Content-Type")).as("%s", reply).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(reply.body().toLowerCase(Locale.ROOT)).doesNotContain("<html", "<!doctype", "exception");
		var json = reply.json();
		assertThat(json.propertyNames()).containsExactly("result", "message", "code");
		assertThat(json.path("result").asString()).isEqualTo("fail");
		assertThat(json.path("message").isString()).isTrue();
		assertThat(json.path("message").asString()).isNotBlank();
		assertThat(json.path("code").isString()).isTrue();
	}

	static void assertProtectiveHeaders(Api.Reply reply) {
		assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(reply.header("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(reply.header("Server")).isEmpty();
	}

	static Map<String, Object> adminBody(String company) {
		return Map.of("scope", Map.of("company", company), "auth", Directory.adminAuth());
	}
}
