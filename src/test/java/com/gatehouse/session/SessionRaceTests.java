package com.gatehouse.session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.Race;
import com.gatehouse.TestUser;

import static com.gatehouse.SessionAssertions.assertAlive;
import static com.gatehouse.SessionAssertions.assertEnded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions under calls that race on two instances sharing one store, with the per-user cap at 3:
 * parallel logins never leave more than the cap, a login that reuses a session never brings its old
 * id back, and a session ended on one instance stays ended however busy another keeps it.
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRaceTests {

	private static final int CAP = 3;

	private static Cluster cluster;

	private static Directory directory;

	@BeforeAll
	void start() {
		// Logins race here on purpose: let them wait for a hashing slot rather than be refused.
		cluster = Cluster.start(2, Stream.concat(Stream.of("--gatehouse.session.max-per-user=" + CAP,
				"--gatehouse.passwords.queue-timeout=60s"), Stream.of(storeSettings())).toArray(String[]::new));
		directory = new Directory(cluster.api(0));
	}

	/** Settings ({@code --name=value}) both instances get besides the cap: where sessions live. */
	String[] storeSettings() {
		return new String[0];
	}

	@AfterAll
	void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whenLoginsOfOneUserRaceOnTwoInstancesThenTheCapHoldsAndEveryEvictionIsAudited() throws SQLException {
		TestUser user = newUser();
		int logins = 12;

		List<Api.Reply> replies = Race.run(IntStream.range(0, logins)
			.mapToObj((i) -> (Callable<Api.Reply>) () -> cluster.api(i % 2).post("/rest/auth/", Map.of("auth", user.auth())))
			.toList());

		replies.forEach((reply) -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
		List<String> cookies = replies.stream().map((reply) -> reply.sessionCookie().orElseThrow()).toList();
		Set<String> listed = listedHandles(user);
		Set<String> evicted = evictedHandles(user);
		assertThat(listed).hasSize(CAP);
		assertThat(evicted).hasSize(logins - CAP);
		for (String cookie : cookies) {
			String handle = SessionHandle.of(user.id(), cookie).text();
			if (listed.contains(handle)) {
				assertAlive(cluster.api(0), cookie);
				assertAlive(cluster.api(1), cookie);
			}
			else {
				assertThat(evicted).as("a login's session that is gone was evicted").contains(handle);
				assertEnded(cluster.api(1), cookie);
			}
		}
	}

	@Test
	void whenTwoInstancesReuseOneSessionAtOnceThenTheOldIdIsDeadAndEveryAnsweredCookieWorks() {
		for (int round = 0; round < 5; round++) {
			TestUser user = newUser();
			String old = directory.login(user);

			List<Api.Reply> replies = Race.run(List.of(() -> relogin(0, user, old), () -> relogin(1, user, old)));

			replies.forEach((reply) -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
			assertEnded(cluster.api(0), old);
			assertEnded(cluster.api(1), old);
			for (Api.Reply reply : replies) {
				String fresh = reply.sessionCookie().orElseThrow();
				assertThat(fresh).isNotEqualTo(old);
				assertAlive(cluster.api(0), fresh);
				assertAlive(cluster.api(1), fresh);
			}
			assertThat(listedHandles(user)).as("no more sessions than logins answered").hasSize(2);
		}
	}

	@Test
	void whenASessionIsReusedWhileAnotherInstanceServesItsOldIdThenTheOldIdStaysDead() {
		for (int round = 0; round < 3; round++) {
			TestUser user = newUser();
			String old = directory.login(user);

			String fresh = endWhileBusy(old, () -> relogin(0, user, old)).sessionCookie().orElseThrow();

			assertAlive(cluster.api(1), fresh);
			assertThat(listedHandles(user)).containsExactly(SessionHandle.of(user.id(), fresh).text());
		}
	}

	@Test
	void whenASessionEndsWhileAnotherInstanceServesItThenItStaysEnded() {
		for (int round = 0; round < 3; round++) {
			TestUser user = newUser();
			String session = directory.login(user);

			endWhileBusy(session, () -> cluster.api(0)
				.postWithCookie("/rest/auth/logout", Map.of("auth", Map.of("type", "auth")), session));

			assertThat(listedHandles(user)).isEmpty();
		}
	}

	/**
	 * Runs {@code end} on instance A while instance B answers "who am I" for {@code session} on 8
	 * threads without pause; once {@code end} is answered, every call B starts fails, and the
	 * session stays dead on both instances. Answers what {@code end} answered.
	 */
	private static Api.Reply endWhileBusy(String session, Supplier<Api.Reply> end) {
		Race.Background<Integer> busy = Race
			.inBackground(8, () -> cluster.api(1).postWithCookie("/rest/auth/", Map.of(), session).status())
			.running();

		Api.Reply reply = end.get();
		long acknowledged = System.nanoTime();
		List<Race.Timed<Integer>> uses = busy.finishAfter(acknowledged);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(Race.startedAfter(uses, acknowledged)).isNotEmpty().containsOnly(401);
		assertEnded(cluster.api(0), session);
		assertEnded(cluster.api(1), session);
		return reply;
	}

	private static Api.Reply relogin(int instance, TestUser user, String session) {
		return cluster.api(instance).postWithCookie("/rest/auth/", Map.of("auth", user.auth()), session);
	}

	private static TestUser newUser() {
		return directory.newUser(directory.newCompany(), "User");
	}

	/** The handles of the user's live sessions, as the System-Admin lists them. */
	private static Set<String> listedHandles(TestUser user) {
		Api.Reply reply = directory.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", user.id())));
		Set<String> handles = new HashSet<>();
		reply.json().path("values").forEach((row) -> handles.add(row.path("id").asString()));
		return handles;
	}

	/** The handles named by the user's "evicted" session.ended events, read from the store. */
	private static Set<String> evictedHandles(TestUser user) throws SQLException {
		List<String> handles = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(cluster.databaseUrl());
				PreparedStatement query = connection.prepareStatement(
						"SELECT detail FROM audit_events WHERE event = 'session.ended' AND contact_id = ?")) {
			query.setLong(1, user.id());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String detail = rows.getString(1);
					assertThat(detail).startsWith("evicted by a new login");
					handles.add(detail.substring(detail.lastIndexOf(' ') + 1));
				}
			}
		}
		assertThat(handles).as("one event per eviction").doesNotHaveDuplicates();
		return new HashSet<>(handles);
	}
}
