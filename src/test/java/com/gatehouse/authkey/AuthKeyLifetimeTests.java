package com.gatehouse.authkey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.MovableTimeTest;
import com.gatehouse.MutableClock;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Keys in time: expiry, a lifetime cap of 30 days, a rotation grace period of 5 minutes, and the
 * last-use stamp written at most once a minute. Time moves with a {@link MutableClock}, in the context
 * of the tests that move time ({@link MovableTimeTest}), which sets these limits; calls come from
 * made-up addresses (see {@link KeyCalls#whoAmI}), so the moved clock never stretches a failure window
 * another test counts in.
 */
@MovableTimeTest
class AuthKeyLifetimeTests {

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	KeyCalls keys;

	@Test
	void keyWhenItsExpiryPassesThenFailsExactlyLikeAnUnknownKeyAndRecordsTheExpiredUse() {
		TestUser owner = newUser();
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "expires", inFromNow(Duration.ofHours(1))));
		String key = created.path("token").asString();
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.keys.whoAmI(key).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(2));

		Api.Reply expired = this.keys.whoAmI(key);
		assertFailure(expired, 401, "auth.failed");
		assertThat(expired.body()).isEqualTo(this.keys.whoAmI(new AuthKeyFormat().generate()).body());
		assertThat(KeyCalls.events(this.jdbc, owner.id()))
			.contains("key.expired_use: expired key " + created.path("id").asLong() + " presented")
			.noneMatch((event) -> event.contains(key.substring(4, 20)));
		assertThat(this.keys.readAsAdmin(created.path("id").asLong()).path("expires").asString())
			.isEqualTo(created.path("expires").asString());
	}

	@Test
	void createWhenNoExpiryGivenThenTheKeyExpiresAtTheCap() {
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", newUser().id()));

		Instant issued = Instant.parse(created.path("created").asString());
		Instant expires = Instant.parse(created.path("expires").asString());

		assertThat(Duration.between(issued, expires)).isCloseTo(Duration.ofDays(30), Duration.ofSeconds(1));
	}

	@Test
	void createWhenExpiryPastOrBeyondTheCapThenBadRequest() {
		TestUser owner = newUser();

		Api.Reply past = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "expires",
				inFromNow(Duration.ofMinutes(-1)))));
		Api.Reply beyond = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "expires",
				inFromNow(Duration.ofDays(30).plusHours(1)))));
		Api.Reply justWithin = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "expires",
				inFromNow(Duration.ofDays(30).minusMinutes(1)))));

		assertFailure(past, 400, "authinfo.expiry_invalid");
		assertFailure(beyond, 400, "authinfo.expiry_invalid");
		assertThat(KeyCalls.row(justWithin).path("expires").asString()).isNotEmpty();
	}

	@Test
	void updateWhenExpiresMovedThenWithinTheCapOnly() {
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", newUser().id()));
		Map<String, Object> scope = Map.of("id", created.path("id").asLong());
		String soon = inFromNow(Duration.ofDays(2));

		JsonNode moved = KeyCalls.row(this.keys.asAdmin("update", Map.of("scope", scope, "values", Map.of("expires", soon))));
		Api.Reply beyond = this.keys.asAdmin("update", Map.of("scope", scope, "values",
				Map.of("expires", inFromNow(Duration.ofDays(31)))));

		assertThat(Instant.parse(moved.path("expires").asString())).isCloseTo(Instant.parse(soon), within(Duration.ofMillis(1)));
		assertFailure(beyond, 400, "authinfo.expiry_invalid");
		assertThat(this.keys.whoAmI(created.path("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void rotateWhenTheKeyHasExpiredThenItNeedsANewExpiry() {
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", newUser().id(), "expires", inFromNow(Duration.ofHours(1))));
		Map<String, Object> scope = Map.of("id", created.path("id").asLong());
		this.clock.advance(Duration.ofHours(2));

		Api.Reply refused = this.keys.asAdmin("update", Map.of("scope", scope, "values", Map.of("rotate", true)));
		Api.Reply renewed = this.keys.asAdmin("update", Map.of("scope", scope, "values",
				Map.of("rotate", true, "expires", inFromNow(Duration.ofDays(1)))));

		assertFailure(refused, 400, "authinfo.expiry_invalid");
		assertThat(this.keys.whoAmI(KeyCalls.row(renewed).path("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void rotateWhenGracePeriodThenTheOldValueWorksUntilItEnds() {
		TestUser owner = newUser();
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id()));
		String old = created.path("token").asString();

		String fresh = rotate(created.path("id").asLong());

		assertThat(this.keys.whoAmI(old).json().path("user").path("id").asLong()).isEqualTo(owner.id());
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.keys.whoAmI(old).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(2));
		assertFailure(this.keys.whoAmI(old), 401, "auth.failed");
		assertThat(this.keys.whoAmI(fresh).json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void rotateTwiceWithinTheGracePeriodThenOnlyTheLastReplacedValueLivesOn() {
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", newUser().id()));
		long id = created.path("id").asLong();

		String second = rotate(id);
		String third = rotate(id);

		assertFailure(this.keys.whoAmI(created.path("token").asString()), 401, "auth.failed");
		assertThat(this.keys.whoAmI(second).status()).isEqualTo(200);
		assertThat(this.keys.whoAmI(third).status()).isEqualTo(200);
	}

	@Test
	void leakReportWhenOldValueInItsGracePeriodThenEndsOnlyThatValue() {
		TestUser owner = newUser();
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", owner.id()));
		long id = created.path("id").asLong();
		String fresh = rotate(id);

		Api.Reply reply = this.api.post("/rest/auth/revoke", Map.of("keys", List.of(created.path("token").asString())),
				"X-Forwarded-For", FakeAddress.unique());

		assertThat(reply.status()).isEqualTo(200);
		assertFailure(this.keys.whoAmI(created.path("token").asString()), 401, "auth.failed");
		assertThat(this.keys.whoAmI(fresh).status()).isEqualTo(200);
		assertThat(KeyCalls.events(this.jdbc, owner.id()))
			.contains("key.leak_reported: old value of key " + id + ", rotated out, ended by a leak report");
	}

	@Test
	void createWhenTokenIsTheReplacedValueOfAnotherKeyThenConflict() {
		TestUser owner = newUser();
		String chosen = Directory.unique("chosen-key-long-enough-for-it").replace('_', '-');
		JsonNode first = this.keys.createAsAdmin(Map.of("contact_id", owner.id(), "token", chosen));
		rotate(first.path("id").asLong());

		Api.Reply reply = this.keys.asAdmin("create", Map.of("values", Map.of("contact_id", owner.id(), "token", chosen)));

		assertFailure(reply, 409, "authinfo.exists");
		assertThat(this.keys.whoAmI(chosen).json().path("user").path("id").asLong()).isEqualTo(owner.id());
	}

	@Test
	void lastUseWhenTwoCallsWithinAMinuteThenWrittenOnceAndAgainAfterTheMinute() {
		JsonNode created = this.keys.createAsAdmin(Map.of("contact_id", newUser().id()));
		String key = created.path("token").asString();
		long id = created.path("id").asLong();
		assertThat(this.keys.readAsAdmin(id).path("last_used").isNull()).isTrue();
		assertThat(this.keys.readAsAdmin(id).path("last_ip").isNull()).isTrue();
		String first = FakeAddress.unique();
		String second = FakeAddress.unique();

		this.keys.whoAmI(key, "X-Forwarded-For", first);
		JsonNode afterFirst = this.keys.readAsAdmin(id);
		this.clock.advance(Duration.ofSeconds(30));
		this.keys.whoAmI(key, "X-Forwarded-For", second);
		JsonNode afterSecond = this.keys.readAsAdmin(id);
		this.clock.advance(Duration.ofSeconds(31));
		this.keys.whoAmI(key, "X-Forwarded-For", second);
		JsonNode afterAMinute = this.keys.readAsAdmin(id);

		assertThat(afterFirst.path("last_ip").asString()).isEqualTo(first);
		Instant firstUse = Instant.parse(afterFirst.path("last_used").asString());
		assertThat(afterSecond.path("last_used").asString()).isEqualTo(afterFirst.path("last_used").asString());
		assertThat(afterSecond.path("last_ip").asString()).isEqualTo(first);
		assertThat(Instant.parse(afterAMinute.path("last_used").asString())).isAfter(firstUse.plusSeconds(60));
		assertThat(afterAMinute.path("last_ip").asString()).isEqualTo(second);
		assertThat(this.jdbc.sql("SELECT last_ip FROM auth_keys WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo(second);
	}

	private String rotate(long id) {
		return KeyCalls.row(this.keys.asAdmin("update", Map.of("scope", Map.of("id", id), "values", Map.of("rotate", true))))
			.path("token").asString();
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	private String inFromNow(Duration duration) {
		return this.clock.instant().plus(duration).toString();
	}
}
