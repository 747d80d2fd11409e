package com.gatehouse.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.MovableTimeTest;
import com.gatehouse.MutableClock;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A login session ends after 30 minutes unused or 12 hours after login, however busy (the defaults
 * of {@link SessionProperties}), judged against its last access as stamped at most once a minute.
 * Time is moved with a {@link MutableClock}, in the context of the tests that move time
 * ({@link MovableTimeTest}), so no other test sees the moved time.
 */
@MovableTimeTest
class SessionLifetimeTests {

	@Autowired
	MutableClock clock;

	Api api;

	Directory directory;

	@Test
	void sessionUnusedForLessThanIdleTimeoutStillWorks() {
		String session = this.directory.login(newUser());

		this.clock.advance(Duration.ofMinutes(29));

		assertThat(whoAmI(session).status()).isEqualTo(200);
	}

	@Test
	void sessionUnusedForLongerThanIdleTimeoutFails() {
		String session = this.directory.login(newUser());

		this.clock.advance(Duration.ofMinutes(31));

		assertEnded(whoAmI(session));
	}

	@Test
	void sessionUsedEvery20MinutesOutlivesTheIdleTimeout() {
		String session = this.directory.login(newUser());

		for (int minutes = 20; minutes <= 120; minutes += 20) {
			this.clock.advance(Duration.ofMinutes(20));
			assertThat(whoAmI(session).status()).as("after %d minutes", minutes).isEqualTo(200);
		}
	}

	@Test
	void cookieCallWithinTheStampIntervalThenLastAccessIsNotWrittenAgain() {
		String session = this.directory.login(newUser());
		Instant atLogin = lastAccess(session);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(whoAmI(session).status()).isEqualTo(200);
		assertThat(lastAccess(session)).isEqualTo(atLogin);

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(whoAmI(session).status()).isEqualTo(200);
		assertThat(lastAccess(session)).isAfterOrEqualTo(atLogin.plusSeconds(60));
	}

	@Test
	void sessionUsedOnlyWithinTheStampIntervalEndsThatMuchBeforeTheIdleTimeout() {
		String session = this.directory.login(newUser());
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(whoAmI(session).status()).isEqualTo(200);

		// 29m30s after its last use, but 30m20s after its last stamp: ended, as documented.
		this.clock.advance(Duration.ofMinutes(29).plusSeconds(30));

		assertEnded(whoAmI(session));
	}

	@Test
	void sessionUsedEvery20MinutesStillEndsAtTheAbsoluteLifetime() {
		String session = this.directory.login(newUser());
		for (int minutes = 20; minutes <= 11 * 60 + 40; minutes += 20) {
			this.clock.advance(Duration.ofMinutes(20));
			assertThat(whoAmI(session).status()).as("after %d minutes", minutes).isEqualTo(200);
		}
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(whoAmI(session).status()).as("after 11h55").isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(5));

		assertEnded(whoAmI(session));
	}

	@Test
	void sessionPastItsIdleTimeoutIsNoLongerListed() {
		TestUser user = newUser();
		String idle = this.directory.login(user);
		String used = this.directory.login(user);
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(whoAmI(used).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(11));
		Api.Reply list = this.api.postWithCookie("/rest/ops/read/session", Map.of(), used);

		assertThat(list.status()).as("%s", list).isEqualTo(200);
		assertThat(list.json().path("values")).singleElement()
			.satisfies((row) -> assertThat(row.path("current").asBoolean()).isTrue());
		assertEnded(whoAmI(idle));
	}

	@Test
	void loginWithCookieOfExpiredSessionIssuesBrandNewSession() {
		TestUser user = newUser();
		String expired = this.directory.login(user);
		this.clock.advance(Duration.ofMinutes(31));

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), expired);

		assertThat(reply.status()).isEqualTo(200);
		String fresh = reply.sessionCookie().orElseThrow();
		assertThat(fresh).isNotEqualTo(expired).matches("[A-Za-z0-9_-]{43,}");
		assertThat(reply.json().path("user").path("session").asString()).isEqualTo(fresh);
		// Spring Session stamps the new session with real time, so judge it at real time again.
		this.clock.reset();
		assertThat(whoAmI(fresh).status()).isEqualTo(200);
		assertEnded(whoAmI(expired));
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	private Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}

	@Test
	void whenTheStampIntervalIsNotShorterThanTheIdleTimeoutThenTheServiceDoesNotStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--server.port=0", "--gatehouse.session.idle-timeout=5m", "--gatehouse.session.access-stamp-interval=5m")
			.close()).rootCause().hasMessageContaining("access-stamp-interval must be at least 0 and shorter than");
	}

	private Instant lastAccess(String session) {
		Api.Reply list = this.api.postWithCookie("/rest/ops/read/session", Map.of(), session);
		assertThat(list.status()).as("%s", list).isEqualTo(200);
		return Instant.parse(list.json().path("values").get(0).path("last_access").asString());
	}

	private static void assertEnded(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json())
			.isEqualTo(Api.JSON.readTree("{\"result\":\"fail\",\"message\":\"Authentication failed\",\"code\":\"auth.failed\"}"));
	}
}
