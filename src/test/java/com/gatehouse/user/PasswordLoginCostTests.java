package com.gatehouse.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a password login costs, at the production hashing cost: an unknown login pays the same
 * Argon2 work as a wrong password (the dummy hash of {@link PasswordHasher}), so its timing does not
 * tell that the login does not exist.
 */
@GatehouseTest
@RealPasswordCost
class PasswordLoginCostTests {

	Api api;

	Directory directory;

	@Test
	void loginWithUnknownLoginCostsAboutAsMuchAsWithWrongPassword() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String unknown = Directory.unique("nobody");
		login(unknown, "warm-up-password");
		login(user.login(), "warm-up-password");
		List<Long> wrong = new ArrayList<>();
		List<Long> missing = new ArrayList<>();

		for (int i = 0; i < 7; i++) {
			wrong.add(timedFailure(user.login()));
			missing.add(timedFailure(unknown));
		}

		// Without the dummy hash an unknown login would cost a few percent of a wrong password (one
		// indexed read against an Argon2 hash); a quarter leaves room for a loaded machine.
		assertThat(median(missing)).isGreaterThanOrEqualTo(median(wrong) / 4);
	}

	private Api.Reply login(String username, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", username, "password", password)));
	}

	private long timedFailure(String username) {
		long start = System.nanoTime();
		Api.Reply reply = login(username, "not-the-password-at-all");
		long elapsed = System.nanoTime() - start;
		assertThat(reply.status()).isEqualTo(401);
		return elapsed;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}
}
