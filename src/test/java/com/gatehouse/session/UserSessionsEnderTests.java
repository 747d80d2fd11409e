package com.gatehouse.session;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting a user ends every session it has; a disabled user's session stops working at once. */
@GatehouseTest
class UserSessionsEnderTests {

	Api api;

	Directory directory;

	@Test
	void deletingUserEndsAllItsSessions() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String first = this.directory.login(user);
		String second = this.directory.login(user);

		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", user.id())));

		assertEnded(whoAmI(first));
		assertEnded(whoAmI(second));
	}

	@Test
	void deletingUserLeavesOtherUsersSessionsAlive() {
		String company = this.directory.newCompany();
		TestUser deleted = this.directory.newUser(company, "User");
		TestUser kept = this.directory.newUser(company, "User");
		this.directory.login(deleted);
		String session = this.directory.login(kept);

		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", deleted.id())));

		assertThat(whoAmI(session).status()).isEqualTo(200);
	}

	@Test
	void disablingUserMakesItsSessionFail() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));

		assertEnded(whoAmI(session));
	}

	private Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}

	private static void assertEnded(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(401);
		assertThat(reply.json())
			.isEqualTo(Api.JSON.readTree("{\"result\":\"fail\",\"message\":\"Authentication failed\",\"code\":\"auth.failed\"}"));
	}
}
