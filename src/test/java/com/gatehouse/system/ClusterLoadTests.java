package com.gatehouse.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred clients on two instances for about a minute, on loopback: logins, logouts,
 * cookie- and key-authenticated reads, key creates and revokes, each client alternating instances.
 * It must end with no unexpected answer, every session still held working on both instances, and an
 * audit trail that counts exactly the acknowledged actions. Sized by system properties
 * {@code gatehouse.load.clients} (default 100 per processor, at most 300), {@code .seconds} (50)
 * and {@code .max-calls} (200000), e.g. {@code -Dgatehouse.load.seconds=10} for a quick run.
 */
@ClusterTest
@Tag("load")
class ClusterLoadTests {

	/**
	 * Many clients share a user, as the connections of one integration do; with
	 * {@link LoadClient#MAX_SESSIONS} each they hold 60 sessions, under the cap the cluster is given.
	 */
	private static final int CLIENTS_PER_USER = 20;

	private static final int SESSION_CAP = 100;

	/**
	 * The cap above; a production-sized pool (the test profile's 4 connections starve a few hundred
	 * clients, who then wait for a connection until they give up); a pool wait as long as a client's patience, since a build machine shared with
	 * other builds can starve the instances of CPU for seconds, and the 3 s fail-fast wait (meant
	 * for a store that is down) would then turn slowness into 503s; no INFO line per call; and,
	 * since every client connects from loopback, room for all of them at once under the
	 * per-address bound on requests in progress (docs/security.md, "Slow request bodies").
	 */
	private static final String[] SETTINGS = { "--gatehouse.session.max-per-user=" + SESSION_CAP,
			"--gatehouse.web.max-requests-per-address=1000",
			"--spring.datasource.hikari.maximum-pool-size=10",
			"--spring.datasource.hikari.connection-timeout=30000", "--logging.level.com.gatehouse.auth.AuthOutcomes=WARN" };

	@Test
	void whenHundredsOfClientsUseTwoInstancesThenNoErrorsNoLostSessionsAndExactAuditCounts() throws Exception {
		int clients = Integer.getInteger("gatehouse.load.clients",
				Math.min(300, 100 * Runtime.getRuntime().availableProcessors()));
		Duration duration = Duration.ofSeconds(Integer.getInteger("gatehouse.load.seconds", 50));
		long maxCalls = Long.getLong("gatehouse.load.max-calls", 200_000);
		try (Cluster cluster = Cluster.start(2, SETTINGS)) {
			List<Api> apis = List.of(cluster.api(0), cluster.api(1));
			List<LoadClient> all = clients(cluster, clients, apis, duration, maxCalls);
			LoadTally tally = all.get(0).tally();

			long start = System.nanoTime();
			tally.start();
			run(all);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.print(tally.summary(seconds));

			assertThat(tally.errors()).as("errors: %s", tally.shownErrors()).isZero();
			assertThat(tally.acknowledged(LoadTally.Kind.LOGIN)).as("logins").isPositive();
			assertHeldSecretsWork(apis, all);
			Map<String, Long> audit = auditCounts(cluster);
			Map<String, Long> expected = Map.of("login.success", tally.acknowledged(LoadTally.Kind.LOGIN), "logout",
					tally.acknowledged(LoadTally.Kind.LOGOUT), "key.created",
					users(all) + tally.acknowledged(LoadTally.Kind.KEY_CREATE), "key.revoked",
					tally.acknowledged(LoadTally.Kind.KEY_REVOKE), "login.failure", 0L, "login.locked", 0L, "session.ended", 0L,
					"permission.denied", 0L);
			Map<String, Long> recorded = new HashMap<>();
			expected.keySet().forEach((event) -> recorded.put(event, audit.getOrDefault(event, 0L)));
			assertThat(recorded).as("audit events about the clients' users").isEqualTo(expected);
		}
	}

	private static long users(List<LoadClient> clients) {
		return clients.stream().map(LoadClient::key).distinct().count();
	}

	/** One user, with one key, per {@value #CLIENTS_PER_USER} clients; made with a System-Admin key, not its password. */
	private static List<LoadClient> clients(Cluster cluster, int count, List<Api> apis, Duration duration, long maxCalls) {
		Directory directory = new Directory(cluster.api(0));
		String company = directory.newCompany();
		String adminKey = directory.newKey(1);
		LoadTally tally = new LoadTally(apis, duration, maxCalls, cluster.size());
		List<LoadClient> clients = new ArrayList<>();
		for (int user = 0; user * CLIENTS_PER_USER < count; user++) {
			TestUser owner = newUser(cluster.api(user % 2), adminKey, company);
			String key = created(cluster.api(user % 2).post("/rest/ops/create/authinfo",
					Map.of("values", Map.of("contact_id", owner.id())), "Authorization", "token auth=" + adminKey))
				.path("token").asString();
			for (int i = 0; i < CLIENTS_PER_USER && clients.size() < count; i++) {
				clients.add(new LoadClient(owner, key, tally, clients.size()));
			}
		}
		return clients;
	}

	private static TestUser newUser(Api api, String adminKey, String company) {
		String login = Directory.unique("load");
		String password = "pw-" + login + "-secret";
		long id = created(api.post("/rest/ops/create/user",
				Map.of("values", Map.of("login", login, "name", login, "password", password, "company", company, "role", "User")),
				"Authorization", "token auth=" + adminKey)).path("id").asLong();
		return new TestUser(id, login, password, company);
	}

	private static tools.jackson.databind.JsonNode created(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0);
	}

	/** Every client on a thread of its own, calling until the tally says stop. */
	private static void run(List<LoadClient> clients) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients.size());
		try {
			List<Future<?>> running = clients.stream().map((client) -> threads.submit(() -> {
				while (client.tally().running()) {
					client.act();
				}
			})).<Future<?>>map((future) -> future).toList();
			for (Future<?> client : running) {
				client.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Every session and key a client still holds works on both instances; every key it revoked fails. */
	private static void assertHeldSecretsWork(List<Api> apis, List<LoadClient> clients) {
		clients.parallelStream().forEach((client) -> IntStream.range(0, apis.size()).forEach((i) -> {
			client.liveSessions()
				.forEach((session) -> assertThat(apis.get(i).postWithCookie("/rest/auth/", Map.of(), session).status())
					.as("a session held by a client, on instance %d", i)
					.isEqualTo(200));
			client.liveKeys()
				.forEach((key) -> assertThat(apis.get(i).post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key)
					.status()).as("a key held by a client, on instance %d", i).isEqualTo(200));
			client.revokedKeys()
				.forEach((key) -> assertThat(apis.get(i).post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key)
					.status()).as("a key a client revoked, on instance %d", i).isEqualTo(401));
		}));
	}

	/** Audit events per kind about everyone but the System-Admin (whose setup calls are not the load). */
	private static Map<String, Long> auditCounts(Cluster cluster) throws SQLException {
		Map<String, Long> counts = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(cluster.databaseUrl());
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT event, COUNT(*) FROM audit_events WHERE login <> 'admin' GROUP BY event")) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
		}
		return counts;
	}
}
