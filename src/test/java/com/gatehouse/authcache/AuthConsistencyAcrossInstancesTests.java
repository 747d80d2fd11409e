package com.gatehouse.authcache;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.authcache.AuthCalls.companiesOf;
import static com.gatehouse.authcache.AuthCalls.readUsers;
import static com.gatehouse.authcache.AuthCalls.warm;
import static com.gatehouse.authcache.AuthCalls.whoAmI;
import static com.gatehouse.authcache.AuthCalls.withKey;
import static com.gatehouse.authcache.CacheBound.awaitWithinBound;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's consistency rules on two instances sharing one PostgreSQL: each change is made on A
 * after B has used (and so cached) the old state, and B must refuse the old state within the cache's
 * bound (1 s, plus {@link CacheBound#TOLERANCE}). Sessions are not cached at all, so logout and
 * session end need no signal; they are here because they are rules all the same.
 */
@ClusterTest
class AuthConsistencyAcrossInstancesTests extends TwoInstances {

	private static final Map<String, Object> LOGOUT = Map.of("auth", Map.of("type", "auth"));

	@Test
	void whenLoggedOutOnAThenTheSessionFailsOnB() {
		String session = onA().login(newUserOnA());
		assertThat(whoAmI(b(), session).status()).isEqualTo(200);

		assertThat(a().postWithCookie("/rest/auth/logout", LOGOUT, session).status()).isEqualTo(200);

		awaitWithinBound("logout on B", () -> whoAmI(b(), session), CacheBound::refused);
	}

	@Test
	void whenSessionsEndedOnAThenTheyFailOnB() {
		TestUser user = newUserOnA();
		String session = onA().login(user);
		assertThat(whoAmI(b(), session).status()).isEqualTo(200);

		onA().asAdmin("delete", "session", Map.of("scope", Map.of("contact_id", user.id())));

		awaitWithinBound("session end on B", () -> whoAmI(b(), session), CacheBound::refused);
	}

	@Test
	void whenKeyRevokedOnAThenItFailsOnB() {
		IssuedKey key = IssuedKey.issue(onA(), newUserOnA().id());
		warmOnB(key.token());

		key.revoke(onA());

		awaitWithinBound("revocation on B", () -> withKey(b(), key.token()), CacheBound::refused);
	}

	/**
	 * Each instance reads its own real clock, which no test can move, so the new expiry lies a
	 * second ahead (in the future even on a slow machine) and B must refuse the key from that
	 * moment, within the bound. That cannot tell the signal from the bound apart; the signal is what
	 * {@link AuthCacheSignalTests} shows, and an expiry change sends the same one as a revocation.
	 */
	@Test
	void whenKeyExpiryBroughtForwardOnAThenItFailsOnBOnceDue() {
		IssuedKey key = IssuedKey.issue(onA(), newUserOnA().id());
		warmOnB(key.token());

		Instant expires = Instant.now().plusSeconds(1);
		onA().asAdmin("update", "authinfo",
				Map.of("scope", Map.of("id", key.id()), "values", Map.of("expires", expires.toString())));

		Duration untilDue = Duration.between(Instant.now(), expires);
		CacheBound.await("new expiry on B", untilDue.plus(CacheBound.BOUND).plus(CacheBound.TOLERANCE),
				() -> withKey(b(), key.token()), CacheBound::refused);
		assertThat(Instant.now()).as("not refused before its expiry").isAfterOrEqualTo(expires);
	}

	@Test
	void whenCachedKeyReachesItsExpiryThenBRefusesItAtOnce() {
		Instant expires = Instant.now().plusSeconds(3);
		IssuedKey key = IssuedKey.issue(onA(), Map.of("contact_id", newUserOnA().id(), "expires", expires.toString()));
		warmOnB(key.token());

		// The expiry is judged against the clock at each use, not cached as a decision: B refuses
		// the key as soon as it is due, even with the row cached.
		CacheBound.await("expiry on B", Duration.ofSeconds(5), () -> withKey(b(), key.token()), CacheBound::refused);

		assertThat(Instant.now()).isAfterOrEqualTo(expires).isBefore(expires.plus(CacheBound.TOLERANCE));
	}

	@Test
	void whenUserDisabledOnAThenItsSessionAndKeyFailOnB() {
		TestUser user = newUserOnA();
		String session = onA().login(user);
		String key = onA().newKey(user.id());
		assertThat(whoAmI(b(), session).status()).isEqualTo(200);
		warmOnB(key);

		onA().asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));

		awaitWithinBound("disable on B (session)", () -> whoAmI(b(), session), CacheBound::refused);
		awaitWithinBound("disable on B (key)", () -> withKey(b(), key), CacheBound::refused);
	}

	@Test
	void whenUserDeletedOnAThenItsKeyFailsOnB() {
		TestUser user = newUserOnA();
		String key = onA().newKey(user.id());
		warmOnB(key);

		onA().asAdmin("delete", "user", Map.of("scope", Map.of("id", user.id())));

		awaitWithinBound("delete on B", () -> withKey(b(), key), CacheBound::refused);
	}

	@Test
	void whenPasswordChangedOnAThenSessionsEndAndTheOldPasswordFailsOnB() {
		TestUser user = newUserOnA();
		String session = onA().login(user);
		assertThat(whoAmI(b(), session).status()).isEqualTo(200);
		assertThat(b().post("/rest/auth/", Map.of("auth", user.auth())).status()).isEqualTo(200);
		String newPassword = user.password() + "-changed";

		onA().asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("password", newPassword)));

		awaitWithinBound("password change on B (session)", () -> whoAmI(b(), session), CacheBound::refused);
		awaitWithinBound("password change on B (old password)",
				() -> b().post("/rest/auth/", Map.of("auth", user.auth())), CacheBound::refused);
		TestUser renewed = new TestUser(user.id(), user.login(), newPassword, user.company());
		assertThat(b().post("/rest/auth/", Map.of("auth", renewed.auth())).status()).isEqualTo(200);
	}

	@Test
	void whenPermissionRemovedFromRoleOnAThenBRefusesWhatItAllowed() {
		Directory onA = onA();
		String company = onA.newCompany();
		JsonNode role = onA.asAdmin("create", "role", Map.of("values",
				Map.of("name", Directory.unique("Role"), "company", company, "perms", Map.of("admin", "company"))))
			.json().path("values").path(0);
		String key = onA.newKey(onA.newUser(company, role.path("name").asString()).id());
		assertThat(readUsers(b(), key, company).status()).as("allowed on B before").isEqualTo(200);

		onA.asAdmin("update", "role", Map.of("scope", Map.of("id", role.path("id").asLong()), "values",
				Map.of("perms", Map.of())));

		awaitWithinBound("role change on B", () -> readUsers(b(), key, company), (reply) -> reply.status() == 403);
	}

	@Test
	void whenUserGivenAnotherRoleOnAThenBActsWithTheNewRole() {
		Directory onA = onA();
		String company = onA.newCompany();
		TestUser user = onA.newUser(company, "Company-Admin");
		String key = onA.newKey(user.id());
		assertThat(readUsers(b(), key, company).status()).as("allowed on B before").isEqualTo(200);

		onA.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("role", "User")));

		awaitWithinBound("role of user on B", () -> readUsers(b(), key, company), (reply) -> reply.status() == 403);
	}

	@Test
	void whenCompanyAddedOrRemovedOnAThenASystemAdminOnBSeesIt() {
		Directory onA = onA();
		String adminKey = onA.newKey(onA.adminId());
		warm(b(), adminKey, () -> cacheHitsOfB("auth.company-handles"));   // B keeps the list of companies from here on

		String company = onA.newCompany();

		awaitWithinBound("new company on B", () -> withKey(b(), adminKey), (reply) -> companiesOf(reply).contains(company));

		onA.asAdmin("delete", "company", Map.of("scope", Map.of("company", company)));

		awaitWithinBound("company removed on B", () -> withKey(b(), adminKey),
				(reply) -> !companiesOf(reply).contains(company));
	}
}
