package com.gatehouse;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar on a fresh PostgreSQL database, killed with SIGKILL while clients create users,
 * Auth Keys and sessions, then started again: every change it acknowledged is there and works, and
 * a change whose answer never came either happened whole or not at all (a user row always with its
 * audit event, never one without the other). Needs {@code GATEHOUSE_TEST_POSTGRES_URL}.
 */
@EnabledIfEnvironmentVariable(named = "GATEHOUSE_TEST_POSTGRES_URL", matches = ".+")
class InstanceKillIT {

	private static final int CLIENTS = 4;

	/** Changes acknowledged under load before the kill: enough that some are surely in flight at it. */
	private static final int ACKNOWLEDGED_UNDER_LOAD = 6;

	@TempDir
	Path dataDir;

	private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

	private volatile boolean loading = true;

	private final AtomicInteger unanswered = new AtomicInteger();

	@Test
	void whenTheProcessIsKilledUnderLoadThenEveryAcknowledgedChangeSurvivesTheRestartAndNoneIsHalfDone() throws Exception {
		try (TestDatabase database = TestDatabase.create("gatehouse_kill")) {
			Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", database.url(), "SERVER_PORT",
					Integer.toString(RunningJar.freePort()), "GATEHOUSE_ADMIN_PASSWORD", Directory.ADMIN_PASSWORD,
					"GATEHOUSE_DATA_DIR", this.dataDir.toString());
			Api api = new Api(Integer.parseInt(environment.get("SERVER_PORT")));
			String company;
			try (RunningJar first = RunningJar.start(environment)) {
				Directory directory = new Directory(api);
				company = directory.newCompany();
				TestUser before = directory.newUser(company, "User");
				this.acknowledged.add(new Acknowledged(before, directory.newKey(before.id()), directory.login(before)));
				String admin = directory.login(new TestUser(1, Directory.ADMIN_LOGIN, Directory.ADMIN_PASSWORD, "default"));

				ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
				List<CompletableFuture<Void>> load = new ArrayList<>();
				for (int i = 0; i < CLIENTS; i++) {
					load.add(CompletableFuture.runAsync(() -> changeUntilKilled(api, admin, company), clients));
				}
				awaitAcknowledged(1 + ACKNOWLEDGED_UNDER_LOAD);
				first.kill();
				this.loading = false;
				CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).join();
				clients.shutdown();
				assertThat(this.unanswered).as("requests in flight at the kill").hasPositiveValue();
			}

			try (RunningJar second = RunningJar.start(environment)) {
				for (Acknowledged change : this.acknowledged) {
					assertThat(api.postWithCookie("/rest/auth/", "{}", change.session()).status()).as("session of %s", change.user().login())
						.isEqualTo(200);
					assertThat(api.post("/rest/auth/", "{}", "Authorization", "token auth=" + change.key()).status())
						.as("key of %s", change.user().login()).isEqualTo(200);
					assertThat(api.post("/rest/auth/", Map.of("auth", change.user().auth())).status())
						.as("login of %s", change.user().login()).isEqualTo(200);
				}
				assertEveryUserWhole(database.url(), company);
			}
		}
	}

	/** One client: user, then a key for it, then its login, until the process is gone. */
	private void changeUntilKilled(Api api, String admin, String company) {
		while (this.loading) {
			try {
				String login = Directory.unique("kill");
				String password = "pw-" + login + "-secret";
				Api.Reply created = api.postWithCookie("/rest/ops/create/user", Map.of("values", Map.of("login", login, "name",
						"Name of " + login, "password", password, "company", company)), admin);
				assertThat(created.status()).as("%s", created).isEqualTo(200);
				TestUser user = new TestUser(created.json().path("values").path(0).path("id").asLong(), login, password, company);
				Api.Reply key = api.postWithCookie("/rest/ops/create/authinfo", Map.of("values", Map.of("contact_id", user.id())),
						admin);
				assertThat(key.status()).as("%s", key).isEqualTo(200);
				Api.Reply login1 = api.post("/rest/auth/", Map.of("auth", user.auth()));
				assertThat(login1.status()).as("%s", login1).isEqualTo(200);
				this.acknowledged.add(new Acknowledged(user, key.json().path("values").path(0).path("token").asString(),
						login1.sessionCookie().orElseThrow()));
			}
			catch (IllegalStateException connectionLost) {
				// Dropped mid-request, the process died with this change in flight: it may or may not
				// have happened, whole. Refused, it was sent after the kill.
				if (!(connectionLost.getCause() instanceof ConnectException)) {
					this.unanswered.incrementAndGet();
				}
				return;
			}
		}
	}

	/** Polls (another process: no clock to move) until {@code count} users, keys and sessions are acknowledged. */
	private void awaitAcknowledged(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (this.acknowledged.size() < count) {
			assertThat(System.nanoTime()).as("%d changes acknowledged", count).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/** Every user row has its creation event and every creation event its user: no change was kept in part. */
	private static void assertEveryUserWhole(String url, String company) throws Exception {
		Set<String> users = logins(url, "SELECT u.login FROM users u JOIN companies c ON c.id = u.company_id WHERE c.handle = '"
				+ company + "'");
		Set<String> created = logins(url, "SELECT login FROM audit_events WHERE event = 'user.created' AND company = '" + company + "'");
		assertThat(users).hasSizeGreaterThan(ACKNOWLEDGED_UNDER_LOAD).isEqualTo(created);
	}

	private static Set<String> logins(String url, String query) throws Exception {
		Set<String> logins = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet rows = connection.createStatement().executeQuery(query)) {
			while (rows.next()) {
				logins.add(rows.getString(1));
			}
		}
		return logins;
	}

	private record Acknowledged(TestUser user, String key, String session) {
	}
}
