package com.gatehouse.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries {@code X-Content-Type-Options: nosniff} and no {@code Server} banner;
 * answers that hold a session or a key, and failures, are never stored by a cache (the 429 of the
 * address throttle: {@code abuse/AddressThrottleTests}).
 */
@GatehouseTest
class ResponseHeadersTests {

	Api api;

	Directory directory;

	@Test
	void loginAnswerIsNeverStoredAndCarriesNoSniffAndNoServer() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()));

		assertThat(reply.status()).isEqualTo(200);
		assertProtective(reply);
	}

	@Test
	void keyAnswersAreNeverStored() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply created = this.directory.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id())));
		Api.Reply read = this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", user.id())));
		Api.Reply whoAmI = this.api.post("/rest/auth/", Map.of(), "Authorization",
				"token auth=" + created.json().path("values").path(0).path("token").asString());

		assertProtective(created);
		assertProtective(read);
		assertThat(whoAmI.status()).isEqualTo(200);
		assertProtective(whoAmI);
	}

	@Test
	void crossOriginRefusalCarriesNoSniffAndNoStore() {
		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of(), "any", "Origin", "https://evil.example");

		assertFailure(reply, 403, "request.cross_origin");
		assertProtective(reply);
	}

	private static void assertProtective(Api.Reply reply) {
		assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(reply.header("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(reply.header("Server")).isEmpty();
	}
}
