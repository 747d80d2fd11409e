package com.gatehouse.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing of an ended session stays in the store (issue 12 item 9): after a logout, a login that
 * replaces the session its cookie names, the end of one session by its handle, the user's deletion or a password change that ends it, the JDBC store
 * holds neither the session's row nor its attribute rows. {@code RedisSessionLeftoverTests} asks
 * the same of Redis' keys.
 */
@GatehouseTest
class SessionLeftoverTests {

	private static final Map<String, Object> LOGOUT = Map.of("auth", Map.of("type", "auth"));

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	@Test
	void logoutThenNothingOfTheSessionRemainsInTheStore() {
		String session = this.directory.login(newUser());
		Supplier<List<String>> leftovers = watch(session);

		assertThat(this.api.postWithCookie("/rest/auth/logout", LOGOUT, session).status()).isEqualTo(200);

		assertThat(leftovers.get()).isEmpty();
	}

	@Test
	void loginWithTheCookieOfALiveSessionThenNothingOfTheReplacedSessionRemainsInTheStore() {
		TestUser user = newUser();
		String replaced = this.directory.login(user);
		Supplier<List<String>> leftovers = watch(replaced);

		Api.Reply reply = this.api.postWithCookie("/rest/auth/", Map.of("auth", user.auth()), replaced);

		assertThat(reply.sessionCookie()).as("%s", reply).isPresent().isNotEqualTo(Optional.of(replaced));
		assertThat(leftovers.get()).isEmpty();
	}

	@Test
	void sessionEndedByItsHandleThenNothingOfItRemainsInTheStore() {
		TestUser user = newUser();
		String ended = this.directory.login(user);
		String kept = this.directory.login(user);
		Supplier<List<String>> leftovers = watch(ended);

		Api.Reply reply = this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("id", handleOf(ended))),
				kept);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(leftovers.get()).isEmpty();
	}

	@Test
	void userDeletedThenNothingOfItsSessionsRemainsInTheStore() {
		TestUser user = newUser();
		String first = this.directory.login(user);
		String second = this.directory.login(user);
		Supplier<List<String>> firstLeftovers = watch(first);
		Supplier<List<String>> secondLeftovers = watch(second);

		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", user.id())));

		assertThat(firstLeftovers.get()).isEmpty();
		assertThat(secondLeftovers.get()).isEmpty();
	}

	@Test
	void passwordChangeThenNothingOfTheSessionsItEndedRemainsInTheStore() {
		TestUser user = newUser();
		String ended = this.directory.login(user);
		String current = this.directory.login(user);
		Supplier<List<String>> leftovers = watch(ended);
		Map<String, Object> body = new HashMap<>();
		body.put("scope", Map.of("id", user.id()));
		body.put("values", Map.of("password", "a-new-password-" + user.login(), "current_password", user.password()));

		assertThat(this.api.postWithCookie("/rest/ops/update/user", body, current).status()).isEqualTo(200);

		assertThat(leftovers.get()).isEmpty();
		assertThat(watch(current).get()).as("the current session lives on").isNotEmpty();
	}

	/**
	 * What of the live session {@code session} the store holds when the answer is asked, each
	 * described: the session's row and its attribute rows here. Fails if the session is not stored.
	 */
	Supplier<List<String>> watch(String session) {
		String primaryId = this.jdbc.sql("SELECT primary_id FROM spring_session WHERE session_id = :id")
			.param("id", session)
			.query(String.class)
			.single();
		return () -> {
			List<String> found = new ArrayList<>();
			found.addAll(this.jdbc.sql("SELECT 'session row ' || primary_id FROM spring_session WHERE primary_id = :id")
				.param("id", primaryId).query(String.class).list());
			found.addAll(this.jdbc.sql("SELECT 'attribute row ' || attribute_name FROM spring_session_attributes"
					+ " WHERE session_primary_id = :id").param("id", primaryId).query(String.class).list());
			return found;
		};
	}

	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	private String handleOf(String session) {
		return this.api.postWithCookie("/rest/ops/read/session", Map.of(), session).json().path("values").valueStream()
			.filter((row) -> row.path("current").asBoolean())
			.map((row) -> row.path("id").asString())
			.findFirst()
			.orElseThrow();
	}
}
