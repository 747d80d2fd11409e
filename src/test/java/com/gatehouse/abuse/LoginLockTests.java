package com.gatehouse.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.AuditRows;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.MovableTimeTest;
import com.gatehouse.MutableClock;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login lock at its defaults: 10 failures within 15 minutes lock a login for 15 minutes, even
 * against the right password, exactly at the 10th however many race and on whichever instance.
 * Instance B shares the store.
 */
@MovableTimeTest
class LoginLockTests {

	private static ConfigurableApplicationContext instanceB;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Api b;

	Directory directory;

	AuditRows audit;

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--server.port=0", "--gatehouse.passwords.queue-timeout=60s");
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.b = new Api(Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port")));
		this.audit = new AuditRows(this.jdbc);
	}

	@Test
	void loginWhenFiftyWrongPasswordsRaceThenExactlyTheTenthLocks() throws Exception {
		TestUser user = newUser();
		String address = FakeAddress.unique();

		List<Api.Reply> replies = atOnce(50, () -> login(this.api, user.login(), "wrong", address));

		assertThat(replies).allSatisfy((reply) -> assertFailure(reply, 401, "auth.failed"));
		assertLockedExactlyAtTheTenth(user, 50);
		assertFailure(login(this.api, user.login(), user.password(), address), 401, "auth.failed");
	}

	@Test
	void loginWhenWrongPasswordsRaceOnTwoInstancesThenExactlyTheTenthLocksOnBoth() throws Exception {
		TestUser user = newUser();
		String address = FakeAddress.unique();

		List<Api.Reply> replies = atOnce(50,
				(i) -> () -> login((i % 2 == 0) ? this.api : this.b, user.login(), "wrong", address));

		assertThat(replies).allSatisfy((reply) -> assertFailure(reply, 401, "auth.failed"));
		assertLockedExactlyAtTheTenth(user, 50);
		assertFailure(login(this.api, user.login(), user.password(), address), 401, "auth.failed");
		assertFailure(login(this.b, user.login(), user.password(), address), 401, "auth.failed");
	}

	@Test
	void loginWhenLockedThenTheRightPasswordFailsUntilFifteenMinutesPassed() {
		TestUser user = newUser();
		String address = FakeAddress.unique();
		for (int i = 0; i < 10; i++) {
			assertFailure(login(this.api, user.login(), "wrong", address), 401, "auth.failed");
		}
		assertFailure(login(this.api, user.login(), user.password(), address), 401, "auth.failed");

		this.clock.advance(Duration.ofMinutes(14));
		assertFailure(login(this.api, user.login(), user.password(), address), 401, "auth.failed");

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		Api.Reply reply = login(this.api, user.login(), user.password(), address);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.sessionCookie()).isPresent();
	}

	@Test
	void loginWhenRightPasswordComesBeforeTheTenthFailureThenTheCountStartsAfresh() throws Exception {
		TestUser user = newUser();
		String address = FakeAddress.unique();

		for (int round = 0; round < 2; round++) {
			assertThat(atOnce(9, () -> login(this.api, user.login(), "wrong", address)))
				.allSatisfy((reply) -> assertFailure(reply, 401, "auth.failed"));
			assertThat(login(this.api, user.login(), user.password(), address).status()).as("round %d", round).isEqualTo(200);
		}

		assertThat(AuditRows.named(this.audit.about(user.login()), "login.locked")).isEmpty();
		assertThat(atOnce(10, () -> login(this.api, user.login(), "wrong", address)))
			.allSatisfy((reply) -> assertFailure(reply, 401, "auth.failed"));
		assertFailure(login(this.api, user.login(), user.password(), address), 401, "auth.failed");
		assertThat(AuditRows.named(this.audit.about(user.login()), "login.locked")).hasSize(1);
	}

	@Test
	void loginWhenUnknownLoginFailsTenTimesThenItIsLockedLikeAUser() {
		String login = Directory.unique("nobody");
		String address = FakeAddress.unique();

		for (int i = 0; i < 11; i++) {
			assertFailure(login(this.api, login, "wrong", address), 401, "auth.failed");
		}

		List<AuditRows.Row> events = this.audit.about(login);
		assertThat(AuditRows.named(events, "login.locked")).singleElement().satisfies((locked) -> {
			assertThat(locked.contactId()).isNull();
			assertThat(locked.login()).isEqualTo(login);
			assertThat(locked.ip()).isEqualTo(address);
		});
		assertThat(AuditRows.named(events, "login.failure")).extracting(AuditRows.Row::detail)
			.containsExactly(repeat("password refused: unknown login", 10, "password refused: login locked", 1));
	}

	/** 10 failures answered "wrong password", the rest "login locked", one lock event: all about the user. */
	private void assertLockedExactlyAtTheTenth(TestUser user, int failures) {
		List<AuditRows.Row> events = this.audit.about(user.login());
		assertThat(AuditRows.named(events, "login.failure")).extracting(AuditRows.Row::detail)
			.containsExactlyInAnyOrder(repeat("password refused: wrong password", 10, "password refused: login locked",
					failures - 10));
		assertThat(AuditRows.named(events, "login.locked")).singleElement().satisfies((locked) -> {
			assertThat(locked.contactId()).isEqualTo(user.id());
			assertThat(locked.company()).isEqualTo(user.company());
		});
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	private static Api.Reply login(Api instance, String login, String password, String address) {
		return instance.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)),
				"X-Forwarded-For", address);
	}

	private static String[] repeat(String first, int firstTimes, String then, int thenTimes) {
		String[] all = new String[firstTimes + thenTimes];
		for (int i = 0; i < all.length; i++) {
			all[i] = (i < firstTimes) ? first : then;
		}
		return all;
	}

	private static List<Api.Reply> atOnce(int count, Callable<Api.Reply> call) throws Exception {
		return atOnce(count, (i) -> call);
	}

	/** Runs {@code count} calls from as many threads, released together. */
	private static List<Api.Reply> atOnce(int count, java.util.function.IntFunction<Callable<Api.Reply>> calls)
			throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Api.Reply>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Callable<Api.Reply> call = calls.apply(i);
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			List<Api.Reply> replies = new ArrayList<>();
			for (Future<Api.Reply> answer : answers) {
				replies.add(answer.get(120, TimeUnit.SECONDS));
			}
			return replies;
		}
		finally {
			threads.shutdownNow();
		}
	}
}
