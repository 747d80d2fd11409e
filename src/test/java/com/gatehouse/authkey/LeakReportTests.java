package com.gatehouse.authkey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RawHttp;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /rest/auth/revoke}: anyone revokes leaked keys without credentials, gets the same
 * answer whether any key was live, is rate limited per client address, and each revoked key leaves
 * a {@code key.leak_reported} event about its owner. Every report here comes from its own made-up
 * address, so the per-address limit meets no other test.
 */
@GatehouseTest
class LeakReportTests {

	private static final String SUCCESS = "{\"result\":\"success\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void revokeWhenUnauthenticatedThenRevokesEveryGivenKeyAndRecordsAnEventAboutEachOwner() {
		String company = this.directory.newCompany();
		TestUser first = this.directory.newUser(company, "User");
		TestUser second = this.directory.newUser(company, "Company-Admin");
		JsonNode firstKey = this.keys.createAsAdmin(Map.of("contact_id", first.id()));
		JsonNode secondKey = this.keys.createAsAdmin(Map.of("contact_id", second.id()));
		JsonNode keptKey = this.keys.createAsAdmin(Map.of("contact_id", first.id()));
		String kept = keptKey.path("token").asString();

		Api.Reply reply = report(List.of(firstKey.path("token").asString(), secondKey.path("token").asString(),
				new AuthKeyFormat().generate(), "not-a-key"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo(SUCCESS);
		assertFailure(this.keys.whoAmI(firstKey.path("token").asString()), 401, "auth.failed");
		assertFailure(this.keys.whoAmI(secondKey.path("token").asString()), 401, "auth.failed");
		assertThat(this.keys.whoAmI(kept).status()).isEqualTo(200);
		assertThat(KeyCalls.events(this.jdbc, first.id()))
			.containsExactly("key.created: key " + firstKey.path("id").asLong() + " created by admin (user " + this.directory.adminId() + ")",
					"key.created: key " + keptKey.path("id").asLong() + " created by admin (user " + this.directory.adminId() + ")",
					"key.leak_reported: key " + firstKey.path("id").asLong() + " revoked by a leak report")
			.noneMatch((event) -> event.contains(firstKey.path("token").asString().substring(0, 12)));
		assertThat(KeyCalls.events(this.jdbc, second.id()))
			.contains("key.leak_reported: key " + secondKey.path("id").asLong() + " revoked by a leak report");
		Map<String, Object> event = this.jdbc.sql("""
				SELECT login, company, ip FROM audit_events WHERE contact_id = :id AND event = 'key.leak_reported'
				""").param("id", first.id()).query().singleRow();
		assertThat(event).containsEntry("login", first.login()).containsEntry("company", company);
		assertThat(event.get("ip")).asString().startsWith("10.");
	}

	@Test
	void revokeWhenNoKeyIsLiveThenAnswersExactlyAsWhenOneIs() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(owner.id());

		Api.Reply live = report(List.of(key));
		Api.Reply again = report(List.of(key));
		Api.Reply unknown = report(List.of(new AuthKeyFormat().generate()));
		Api.Reply empty = report(List.of());

		for (Api.Reply reply : List.of(live, again, unknown, empty)) {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).isEqualTo(SUCCESS);
			assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(reply.header("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		}
		assertThat(KeyCalls.events(this.jdbc, owner.id())).filteredOn((event) -> event.startsWith("key.leak_reported"))
			.hasSize(1);
	}

	@Test
	void revokeWhenCredentialsAreSentThenIgnoresThemEvenBadOnes() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String viaHeader = this.directory.newKey(owner.id());
		String viaBadCookie = this.directory.newKey(owner.id());
		String viaPassword = this.directory.newKey(owner.id());

		Api.Reply leakedKeyInHeader = report(List.of(viaHeader), "Authorization", "token auth=" + viaHeader);
		Api.Reply deadCookie = report(List.of(viaBadCookie), "Cookie", Api.COOKIE + "=no-such-session-at-all");
		Api.Reply wrongPassword = report(Map.of("keys", List.of(viaPassword), "auth",
				Map.of("type", "auth", "username", owner.login(), "password", "wrong")));

		for (Api.Reply reply : List.of(leakedKeyInHeader, deadCookie, wrongPassword)) {
			assertThat(reply.status()).as("%s", reply).isEqualTo(200);
			assertThat(reply.body()).isEqualTo(SUCCESS);
			assertThat(reply.sessionSetCookie()).isEmpty();
		}
		for (String key : List.of(viaHeader, viaBadCookie, viaPassword)) {
			assertFailure(this.keys.whoAmI(key), 401, "auth.failed");
		}
	}

	@Test
	void revokeWhenMoreKeysThanTheCapThenBadRequestAndNothingRevoked() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(owner.id());
		List<String> tooMany = new ArrayList<>(List.of(key));
		while (tooMany.size() < 101) {
			tooMany.add(new AuthKeyFormat().generate());
		}

		assertFailure(report(tooMany), 400, "request.too_many_keys");
		assertThat(this.keys.whoAmI(key).status()).isEqualTo(200);

		assertThat(report(tooMany.subList(0, 100)).status()).isEqualTo(200);
		assertFailure(this.keys.whoAmI(key), 401, "auth.failed");
	}

	@Test
	void revokeWhenBodyIsNotAListOfKeysThenBadRequest() {
		String address = FakeAddress.unique();
		for (String body : new String[] { "", "not json", "[]", "{}", "{\"keys\":\"ghk_x\"}", "{\"keys\":[1]}",
				"{\"keys\":[null]}", "{\"keys\":{}}" }) {
			assertFailure(this.api.post("/rest/auth/revoke", body, "X-Forwarded-For", address), 400, "request.invalid");
		}
	}

	@Test
	void revokeWhenOverTwentyReportsFromOneAddressInTenMinutesThenThrottledWithRetryAfter() {
		String address = FakeAddress.unique();
		for (int i = 1; i <= 20; i++) {
			assertThat(report(address, List.of()).status()).as("report %d", i).isEqualTo(200);
		}

		Api.Reply throttled = report(address, List.of());

		assertFailure(throttled, 429, "request.throttled");
		assertThat(throttled.header("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
		assertThat(report(FakeAddress.unique(), List.of()).status()).isEqualTo(200);
	}

	@Test
	void revokeWhenThrottledBeforeTheBodyIsReadThenTheConnectionIsClosedSayingSo() throws IOException {
		String address = FakeAddress.unique();
		for (int i = 1; i <= 20; i++) {
			assertThat(report(address, List.of()).status()).as("report %d", i).isEqualTo(200);
		}

		// The 429 comes before the body is read, so the service closes the connection rather than
		// read the rest; a keep-alive client must be told, or its next call goes into a closed socket.
		Api.Reply throttled = RawHttp.send(this.port, "POST /rest/auth/revoke HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "X-Forwarded-For: " + address + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");

		assertFailure(throttled, 429, "request.throttled");
		assertThat(throttled.header("Connection")).hasValue("close");
	}

	@Test
	void revokeWhenPathHasTrailingSlashThenSameCall() {
		TestUser owner = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(owner.id());

		Api.Reply reply = this.api.post("/rest/auth/revoke/", Map.of("keys", List.of(key)), "X-Forwarded-For",
				FakeAddress.unique());

		assertThat(reply.body()).isEqualTo(SUCCESS);
		assertFailure(this.keys.whoAmI(key), 401, "auth.failed");
	}

	@Test
	void revokeWhenNotPostThenMethodNotAllowed() {
		assertFailure(this.api.get("/rest/auth/revoke", "X-Forwarded-For", FakeAddress.unique()), 405, "request.method");
	}

	private Api.Reply report(List<String> keys, String... headers) {
		return report(Map.of("keys", keys), headers);
	}

	private Api.Reply report(Map<String, Object> body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "X-Forwarded-For";
		all[1] = FakeAddress.unique();
		System.arraycopy(headers, 0, all, 2, headers.length);
		return this.api.post("/rest/auth/revoke", body, all);
	}

	private Api.Reply report(String address, List<String> keys) {
		return this.api.post("/rest/auth/revoke", Map.of("keys", keys), "X-Forwarded-For", address);
	}
}
