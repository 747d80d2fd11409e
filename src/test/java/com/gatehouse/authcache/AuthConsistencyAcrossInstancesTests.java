package com.gatehouse.authcache;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.authcache.CacheBound.awaitWithinBound;
import static com.gatehouse.authcache.CacheBound.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's consistency rules on two instances sharing one PostgreSQL: each change is made on A
 * after B has used (and so cached) the old state, and B must refuse the old state within the cache's
 * bound (1 s, plus {@link CacheBound#TOLERANCE}). Sessions are not cached at all, so logout and
 * session end need no signal; they are here because they are rules all the same.
 */
@ClusterTest
class AuthConsistencyAcrossInstancesTests {

	private static final Map<String, Object> LOGOUT = Map.of("auth", Map.of("type", "auth"));

	private static Cluster cluster;

	Api a;

	Api b;

	Directory onA;

	@BeforeAll
	static void startCluster() {
		cluster = Cluster.start(2);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.a = cluster.api(0);
		this.b = cluster.api(1);
		this.onA = new Directory(this.a);
	}

	@Test
	void whenLoggedOutOnAThenTheSessionFailsOnB() {
		TestUser user = newUser();
		String session = this.onA.login(user);
		assertThat(whoAmI(this.b, session).status()).isEqualTo(200);

		assertThat(this.a.postWithCookie("/rest/auth/logout", LOGOUT, session).status()).isEqualTo(200);

		awaitWithinBound("logout on B", () -> whoAmI(this.b, session), CacheBound::refused);
	}

	@Test
	void whenSessionsEndedOnAThenTheyFailOnB() {
		TestUser user = newUser();
		String session = this.onA.login(user);
		assertThat(whoAmI(this.b, session).status()).isEqualTo(200);

		this.onA.asAdmin("delete", "session", Map.of("scope", Map.of("contact_id", user.id())));

		awaitWithinBound("session end on B", () -> whoAmI(this.b, session), CacheBound::refused);
	}

	@Test
	void whenKeyRevokedOnAThenItFailsOnB() {
		TestUser user = newUser();
		Api.Reply created = this.onA.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id())));
		String key = created.json().path("values").path(0).path("token").asString();
		double hits = keyHitsOnB();
		warm(this.b, key);
		assertThat(keyHitsOnB()).as("B answered from its cache").isGreaterThan(hits);

		this.onA.asAdmin("delete", "authinfo", Map.of("scope", Map.of("id", keyId(created))));

		awaitWithinBound("revocation on B", () -> withKey(this.b, key), CacheBound::refused);
	}

	/**
	 * Each instance reads its own real clock, which no test can move, so the new expiry lies a
	 * second ahead (in the future even on a slow machine) and B must refuse the key from that
	 * moment, within the bound. That cannot tell the signal from the bound apart; the signal is what
	 * the revocation test and {@link AuthCacheSignalTests} show, and an expiry change sends the same one.
	 */
	@Test
	void whenKeyExpiryBroughtForwardOnAThenItFailsOnBOnceDue() {
		TestUser user = newUser();
		Api.Reply created = this.onA.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id())));
		String key = created.json().path("values").path(0).path("token").asString();
		warm(this.b, key);

		Instant expires = Instant.now().plusSeconds(1);
		this.onA.asAdmin("update", "authinfo",
				Map.of("scope", Map.of("id", keyId(created)), "values", Map.of("expires", expires.toString())));

		Duration untilDue = Duration.between(Instant.now(), expires);
		CacheBound.await("new expiry on B", untilDue.plus(CacheBound.BOUND).plus(CacheBound.TOLERANCE),
				() -> withKey(this.b, key), CacheBound::refused);
		assertThat(Instant.now()).as("not refused before its expiry").isAfterOrEqualTo(expires);
	}

	@Test
	void whenCachedKeyReachesItsExpiryThenBRefusesItAtOnce() {
		TestUser user = newUser();
		Instant expires = Instant.now().plusSeconds(3);
		String key = this.onA.asAdmin("create", "authinfo",
				Map.of("values", Map.of("contact_id", user.id(), "expires", expires.toString())))
			.json().path("values").path(0).path("token").asString();
		warm(this.b, key);

		// The expiry is judged against the clock at each use, not cached as a decision: B refuses
		// the key as soon as it is due, even with the row cached.
		CacheBound.await("expiry on B", Duration.ofSeconds(5), () -> withKey(this.b, key), CacheBound::refused);

		assertThat(Instant.now()).isAfterOrEqualTo(expires).isBefore(expires.plus(CacheBound.TOLERANCE));
	}

	@Test
	void whenUserDisabledOnAThenItsSessionAndKeyFailOnB() {
		TestUser user = newUser();
		String session = this.onA.login(user);
		String key = this.onA.newKey(user.id());
		assertThat(whoAmI(this.b, session).status()).isEqualTo(200);
		warm(this.b, key);

		this.onA.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));

		awaitWithinBound("disable on B (session)", () -> whoAmI(this.b, session), CacheBound::refused);
		awaitWithinBound("disable on B (key)", () -> withKey(this.b, key), CacheBound::refused);
	}

	@Test
	void whenUserDeletedOnAThenItsKeyFailsOnB() {
		TestUser user = newUser();
		String key = this.onA.newKey(user.id());
		warm(this.b, key);

		this.onA.asAdmin("delete", "user", Map.of("scope", Map.of("id", user.id())));

		awaitWithinBound("delete on B", () -> withKey(this.b, key), CacheBound::refused);
	}

	@Test
	void whenPasswordChangedOnAThenSessionsEndAndTheOldPasswordFailsOnB() {
		TestUser user = newUser();
		String session = this.onA.login(user);
		assertThat(whoAmI(this.b, session).status()).isEqualTo(200);
		assertThat(this.b.post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
		String newPassword = user.password() + "-changed";

		this.onA.asAdmin("update", "user",
				Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", newPassword)));

		awaitWithinBound("password change on B (session)", () -> whoAmI(this.b, session), CacheBound::refused);
		awaitWithinBound("password change on B (old password)",
				() -> this.b.post("/rest/auth/", Map.of("auth", user.auth())), CacheBound::refused);
		TestUser renewed = new TestUser(user.id(), user.login(), newPassword, user.company());
		assertThat(this.b.post("/rest/auth/", Map.of("auth", renewed.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenPermissionRemovedFromRoleOnAThenBRefusesWhatItAllowed() {
		String company = this.onA.newCompany();
		Api.Reply role = this.onA.asAdmin("create", "role",
				Map.of("values", Map.of("name", Directory.unique("Role"), "company", company, "perms", Map.of("admin", "company"))));
		TestUser user = this.onA.newUser(company, role.json().path("values").path(0).path("name").asString());
		String key = this.onA.newKey(user.id());
		assertThat(readUsers(this.b, key, company).status()).as("allowed on B before").isEqualTo(200);

		this.onA.asAdmin("update", "role",
				Map.of("scope", Map.of("id", role.json().path("values").path(0).path("id").asLong()), "values",
						Map.of("perms", Map.of())));

		awaitWithinBound("role change on B", () -> readUsers(this.b, key, company), (reply) -> reply.status() == 403);
	}

	@Test
	void whenUserMovedToAnotherRoleOnAThenBActsWithTheNewRole() {
		String company = this.onA.newCompany();
		TestUser user = this.onA.newUser(company, "Company-Admin");
		String key = this.onA.newKey(user.id());
		assertThat(readUsers(this.b, key, company).status()).as("allowed on B before").isEqualTo(200);

		this.onA.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("role", "User")));

		awaitWithinBound("role of user on B", () -> readUsers(this.b, key, company), (reply) -> reply.status() == 403);
	}

	private static double keyHitsOnB() {
		return cluster.instance(1).getBean(MeterRegistry.class).get("cache.gets").tags("cache", "auth.keys", "result", "hit")
			.functionCounter().count();
	}

	private TestUser newUser() {
		return this.onA.newUser(this.onA.newCompany(), "User");
	}

	private static long keyId(Api.Reply created) {
		return created.json().path("values").path(0).path("id").asLong();
	}

	static Api.Reply whoAmI(Api instance, String session) {
		return instance.postWithCookie("/rest/auth/", Map.of(), session);
	}

	/**
	 * Uses the key until the instance has it cached: the first use stamps the key as used, which
	 * drops the row read before the stamp, so the second reads it again and keeps it.
	 */
	static void warm(Api instance, String key) {
		for (int i = 0; i < 3; i++) {
			assertThat(withKey(instance, key).status()).isEqualTo(200);
		}
	}

	static Api.Reply withKey(Api instance, String key) {
		return instance.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + key);
	}

	static Api.Reply readUsers(Api instance, String key, String company) {
		return instance.post("/rest/ops/read/user", Map.of("scope", Map.of("company", company)), "Authorization",
				"token auth=" + key);
	}
}
