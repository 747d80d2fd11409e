package com.gatehouse.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** At most one password hash at a time and no queue: logins that meet answer 429 (the hashes take the production time). */
@GatehouseTest
@RealPasswordCost
@TestPropertySource(properties = { "gatehouse.passwords.max-concurrent-hashes=1", "gatehouse.passwords.queue-timeout=1ms" })
class PasswordThrottleTests {

	private static final int LOGINS = 12;

	Api api;

	Directory directory;

	@Test
	void concurrentPasswordLoginsBeyondTheHashLimitAre429WithRetryAfter() throws Exception {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		List<Api.Reply> replies = loginAtOnce(user, LOGINS);

		assertThat(replies).extracting(Api.Reply::status).allMatch((status) -> status == 200 || status == 429);
		assertThat(replies).anyMatch((reply) -> reply.status() == 200);
		List<Api.Reply> throttled = replies.stream().filter((reply) -> reply.status() == 429).toList();
		assertThat(throttled).isNotEmpty().allSatisfy((reply) -> {
			assertThat(reply.header("Retry-After")).hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
			assertThat(reply.json().propertyNames()).containsExactly("result", "message", "code");
			assertThat(reply.result()).isEqualTo("fail");
			assertThat(reply.code()).isEqualTo("request.throttled");
		});
	}

	@Test
	void loginsOneAfterAnotherAreNeverThrottled() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		for (int i = 0; i < 3; i++) {
			assertThat(this.api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
		}
	}

	/** Sends {@code count} logins of {@code user} from as many threads, released together. */
	private List<Api.Reply> loginAtOnce(TestUser user, int count) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Api.Reply>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return this.api.post("/rest/auth/", Map.of("auth", user.auth()));
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			List<Api.Reply> replies = new ArrayList<>();
			for (Future<Api.Reply> answer : answers) {
				replies.add(answer.get(60, TimeUnit.SECONDS));
			}
			return replies;
		}
		finally {
			threads.shutdownNow();
		}
	}
}
