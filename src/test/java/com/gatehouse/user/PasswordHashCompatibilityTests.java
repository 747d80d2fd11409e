package com.gatehouse.user;

import java.util.Map;

import de.mkammerer.argon2.Argon2Factory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords hashed by Bouncy Castle (every hash stored before Gatehouse hashed with libargon2) still
 * log in, and hashes Gatehouse stores now verify with Bouncy Castle: the two implementations share
 * one PHC format, so a change of implementation, or the fallback, locks nobody out.
 */
@GatehouseTest
@RealPasswordCost
class PasswordHashCompatibilityTests {

	/** What PasswordHasher hashed with before libargon2: Spring Security's encoder at the same cost. */
	private static final Argon2PasswordEncoder BOUNCY_CASTLE = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	@Test
	void loginWhenStoredHashWasMadeByBouncyCastleThenSucceedsAndWrongPasswordFails() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String password = "kept-from-before-" + user.login();
		this.jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
			.param("hash", BOUNCY_CASTLE.encode(password))
			.param("id", user.id())
			.update();

		assertThat(login(user.login(), password).status()).isEqualTo(200);
		assertThat(login(user.login(), password + "x").status()).isEqualTo(401);
		assertThat(login(user.login(), user.password()).status()).isEqualTo(401);
	}

	@Test
	void storedHashOfANewUserVerifiesWithBouncyCastleAtTheDocumentedCost() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		String stored = this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
			.param("id", user.id())
			.query(String.class)
			.single();

		assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(BOUNCY_CASTLE.matches(user.password(), stored)).isTrue();
		assertThat(BOUNCY_CASTLE.matches(user.password() + "x", stored)).isFalse();
	}

	@Test
	void nativeLibargon2LoadsOnThisPlatformAndHashesInTheSameFormat() {
		String hash = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32).hash(2, 19 * 1024, 1,
				"native".toCharArray());

		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(BOUNCY_CASTLE.matches("native", hash)).isTrue();
	}

	@Test
	void matchesWhenHashIsMalformedThenFalseRatherThanAnError() {
		Argon2id argon2 = new Argon2id(19 * 1024, 2);

		assertThat(argon2.matches("anything", "$argon2id$v=19$m=19456,t=2,p=1$not-base64!$x")).isFalse();
		assertThat(argon2.matches("anything", "not a hash")).isFalse();
	}

	private Api.Reply login(String login, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}
}
