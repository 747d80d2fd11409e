package com.gatehouse.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.MovableTimeTest;
import com.gatehouse.MutableClock;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After 100 failed credentials of any kind from one client address within 10 minutes (the
 * defaults), every credentialed call from that address answers 429 with {@code Retry-After} (the
 * seconds until its window ends); other addresses and calls without credentials are not affected.
 */
@MovableTimeTest
class AddressThrottleTests {

	@Autowired
	MutableClock clock;

	Api api;

	Directory directory;

	@Test
	void addressWhenHundredFailuresOfEveryKindThenEveryCredentialedCallIs429() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		String session = this.directory.login(user);
		String address = FakeAddress.unique();
		for (int i = 0; i < 40; i++) {
			assertFailure(withKey("gh_not_a_key_" + i, address), 401, "auth.failed");
			assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), "not-a-session-" + i, "X-Forwarded-For", address),
					401, "auth.failed");
		}
		for (int i = 0; i < 20; i++) {
			assertFailure(withPassword(Directory.unique("nobody"), "wrong", address), 401, "auth.failed");
		}

		assertThrottled(withKey(key, address));
		assertThrottled(withPassword(user.login(), user.password(), address));
		assertThrottled(this.api.postWithCookie("/rest/auth/", Map.of(), session, "X-Forwarded-For", address));
		assertFailure(this.api.post("/rest/ops/read/user", Map.of(), "X-Forwarded-For", address), 401, "auth.required");
		assertThat(withKey(key, FakeAddress.unique()).status()).isEqualTo(200);
		assertThat(withPassword(user.login(), user.password(), FakeAddress.unique()).status())
			.as("the throttle is the address's, not the login's")
			.isEqualTo(200);
	}

	@Test
	void addressWhenFailuresRaceThenExactlyTheFirstHundredAre401() throws Exception {
		String address = FakeAddress.unique();
		List<Callable<Api.Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			String key = "gh_not_a_key_" + i;
			calls.add(() -> withKey(key, address));
		}

		List<Api.Reply> replies = all(calls);

		assertThat(replies).filteredOn((reply) -> reply.status() == 401).hasSize(100)
			.allSatisfy((reply) -> assertFailure(reply, 401, "auth.failed"));
		assertThat(replies).filteredOn((reply) -> reply.status() != 401).hasSize(30).allSatisfy(this::assertThrottled);
	}

	@Test
	void addressWhenItsWindowEndsThenItsCallsWorkAgain() {
		String key = this.directory.newKey(this.directory.newUser(this.directory.newCompany(), "User").id());
		String address = FakeAddress.unique();
		for (int i = 0; i < 100; i++) {
			assertFailure(withKey("gh_not_a_key_" + i, address), 401, "auth.failed");
		}
		Api.Reply throttled = withKey(key, address);
		assertThrottled(throttled);
		assertThat(throttled.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(throttled.header("Cache-Control")).contains("no-store");
		assertThat(retryAfter(throttled)).isBetween(540L, 600L);

		this.clock.advance(Duration.ofMinutes(5));
		assertThat(retryAfter(withKey(key, address))).isBetween(240L, 300L);

		this.clock.advance(Duration.ofMinutes(5));
		assertThat(withKey(key, address).status()).isEqualTo(200);
	}

	private void assertThrottled(Api.Reply reply) {
		assertFailure(reply, 429, "request.throttled");
		assertThat(retryAfter(reply)).isBetween(1L, 600L);
	}

	private static long retryAfter(Api.Reply reply) {
		return Long.parseLong(reply.header("Retry-After").orElseThrow());
	}

	private Api.Reply withKey(String key, String address) {
		return this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key, "X-Forwarded-For", address);
	}

	private Api.Reply withPassword(String login, String password, String address) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)),
				"X-Forwarded-For", address);
	}

	private static List<Api.Reply> all(List<Callable<Api.Reply>> calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(32);
		try {
			List<Api.Reply> replies = new ArrayList<>();
			for (Future<Api.Reply> answer : threads.invokeAll(calls)) {
				replies.add(answer.get());
			}
			return replies;
		}
		finally {
			threads.shutdownNow();
		}
	}
}
