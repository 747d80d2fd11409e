package com.gatehouse.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.StoreRecovery;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL cut off under two running instances (a proxy between them and the server drops every
 * connection and refuses new ones): every call that needs the store answers 503
 * {@code store.unavailable} with Retry-After, quickly, and none is let through, not even with a key
 * or session used a moment before; health says DOWN while the process stays up; when the network
 * returns both instances recover by themselves, with everything acknowledged before the cut there
 * and nothing of what was refused during it.
 */
@ClusterTest
class PostgresOutageTests {

	/** Well above Hikari's connection-timeout (3 s in application.properties): an answer, not a hang. */
	private static final Duration FAST = Duration.ofSeconds(5);

	static Cluster cluster;

	@BeforeAll
	static void start() {
		cluster = Cluster.startThroughProxy(2);
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whenPostgresIsCutOffThenEveryCallFailsFastAndNoneFailsOpenAndBothInstancesRecover() throws Exception {
		Directory directory = new Directory(cluster.api(0));
		String company = directory.newCompany();
		TestUser user = directory.newUser(company, "User");
		String key = directory.newKey(user.id());
		String session = directory.login(user);
		String admin = adminSession(directory);
		for (int i = 0; i < cluster.size(); i++) {
			assertThat(keyCall(cluster.api(i), key).status()).isEqualTo(200);
			assertThat(sessionCall(cluster.api(i), session).status()).isEqualTo(200);
		}

		List<String> refusedLogins = new ArrayList<>();
		cluster.network().cut();
		try {
			for (int i = 0; i < cluster.size(); i++) {
				Api api = cluster.api(i);
				String login = Directory.unique("refused");
				refusedLogins.add(login);
				assertRefusedFast(() -> keyCall(api, key));
				assertRefusedFast(() -> sessionCall(api, session));
				assertRefusedFast(() -> api.post("/rest/auth/", Map.of("auth", user.auth())));
				assertRefusedFast(() -> createUser(api, login, company, admin));
				Api.Reply health = api.get("/actuator/health");
				assertThat(health.status()).isEqualTo(503);
				assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
				assertThat(cluster.instance(i).isActive()).isTrue();
			}
		}
		finally {
			cluster.network().restore();
		}

		awaitRecovery();
		for (int i = 0; i < cluster.size(); i++) {
			Api api = cluster.api(i);
			assertThat(keyCall(api, key).status()).isEqualTo(200);
			assertThat(sessionCall(api, session).status()).isEqualTo(200);
			assertThat(api.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
		}
		assertThat(rows("SELECT COUNT(*) FROM users WHERE id = ? AND company_id = (SELECT id FROM companies WHERE handle = ?)",
				user.id(), company)).isEqualTo(1);
		for (String login : refusedLogins) {
			assertThat(rows("SELECT COUNT(*) FROM users WHERE login = ?", login)).as(login).isZero();
			assertThat(rows("SELECT COUNT(*) FROM audit_events WHERE login = ?", login)).as(login).isZero();
		}
	}

	/**
	 * A user create is two statements in one transaction: the user row, then its audit event. The
	 * test holds a lock on the audit table so the write stops between them (with the user row
	 * inserted, uncommitted), cuts the network there, and only then lets the write go on. PostgreSQL
	 * never hears a COMMIT, so it rolls the whole transaction back.
	 */
	@Test
	void whenTheNetworkIsCutBetweenTheStatementsOfAWriteThenNoneOfItIsKept() throws Exception {
		Api api = cluster.api(0);
		Directory directory = new Directory(api);
		String company = directory.newCompany();
		String admin = adminSession(directory);
		String login = Directory.unique("halfway");
		CompletableFuture<Api.Reply> write;
		int backend;
		try (Connection lock = DriverManager.getConnection(cluster.databaseUrl())) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE audit_events IN EXCLUSIVE MODE");
			write = CompletableFuture.supplyAsync(() -> createUser(api, login, company, admin));
			backend = awaitWriteBetweenStatements(write);
			cluster.network().cut();
			try {
				assertFailure(write.get(FAST.toSeconds(), TimeUnit.SECONDS), 503, "store.unavailable");
			}
			finally {
				lock.rollback();
			}
		}
		finally {
			cluster.network().restore();
		}

		awaitEnded(backend);
		awaitRecovery();
		assertThat(rows("SELECT COUNT(*) FROM users WHERE login = ?", login)).isZero();
		assertThat(rows("SELECT COUNT(*) FROM audit_events WHERE login = ?", login)).isZero();
		assertThat(createUser(api, login, company, admin).status()).isEqualTo(200);
		assertThat(rows("SELECT COUNT(*) FROM audit_events WHERE login = ? AND event = 'user.created'", login)).isEqualTo(1);
	}

	/** The PostgreSQL backend that has inserted a user row and waits for the audit table's lock. */
	private static int awaitWriteBetweenStatements(CompletableFuture<Api.Reply> write) throws Exception {
		String halfway = """
				SELECT a.pid FROM pg_stat_activity a
				WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND EXISTS (
				  SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
				  WHERE l.pid = a.pid AND l.granted AND c.relname = 'users' AND l.mode = 'RowExclusiveLock')
				""";
		return awaitRow(halfway, () -> "a write stopped between its statements; the write answered " + write.getNow(null));
	}

	private static void awaitEnded(int backend) throws Exception {
		awaitRow("SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = " + backend + ")",
				() -> "the cut-off backend ending");
	}

	/** Polls (another process: no clock to move) until the query answers a row, and answers its first column. */
	private static int awaitRow(String query, Supplier<String> what) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		try (Connection connection = DriverManager.getConnection(cluster.databaseUrl())) {
			while (System.nanoTime() < deadline) {
				try (ResultSet result = connection.createStatement().executeQuery(query)) {
					if (result.next()) {
						return result.getInt(1);
					}
				}
				Thread.sleep(50);
			}
		}
		throw new AssertionError("timed out waiting for " + what.get());
	}

	private static void awaitRecovery() throws InterruptedException {
		for (int i = 0; i < cluster.size(); i++) {
			Api api = cluster.api(i);
			assertThat(StoreRecovery.statusOnceRecovered(() -> api.get("/actuator/health"))).as("instance %d", i).isEqualTo(200);
		}
	}

	private static void assertRefusedFast(Supplier<Api.Reply> call) {
		long start = System.nanoTime();
		Api.Reply reply = call.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertFailure(reply, 503, "store.unavailable");
		assertThat(reply.header("Retry-After")).isPresent();
		assertThat(took).as("%s", reply).isLessThan(FAST);
	}

	static Api.Reply keyCall(Api api, String key) {
		return api.post("/rest/auth/", "{}", "Authorization", "token auth=" + key);
	}

	static Api.Reply sessionCall(Api api, String session) {
		return api.postWithCookie("/rest/auth/", "{}", session);
	}

	/** A user create by the System-Admin's session: a password-authenticated call would write an audit event first. */
	static Api.Reply createUser(Api api, String login, String company, String adminSession) {
		return api.postWithCookie("/rest/ops/create/user", Map.of("values",
				Map.of("login", login, "name", "Name of " + login, "password", "pw-" + login + "-secret", "company", company)),
				adminSession);
	}

	private static String adminSession(Directory directory) {
		return directory.login(new TestUser(0, Directory.ADMIN_LOGIN, Directory.ADMIN_PASSWORD, "default"));
	}

	private static long rows(String query, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager.getConnection(cluster.databaseUrl());
				PreparedStatement statement = connection.prepareStatement(query)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}
}
