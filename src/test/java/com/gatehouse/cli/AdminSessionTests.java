package com.gatehouse.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code admin end-sessions} on the running service's session store: the database here, Redis in
 * {@link RedisAdminSessionTests}. The ended cookies answer 401 at the service's next call.
 */
@GatehouseTest
class AdminSessionTests {

	@Autowired
	Environment environment;

	Api api;

	Directory directory;

	@Test
	void endSessionsEndsEverySessionOfTheUserAndNoOtherUsersAndIsAudited() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser other = this.directory.newUser(company, "User");
		List<String> sessions = List.of(this.directory.login(user), this.directory.login(user));
		String otherSession = this.directory.login(other);

		AdminRun run = AdminRun.of(this.environment, "", "end-sessions", user.login());

		assertThat(run.status()).as("%s", run).isZero();
		assertThat(run.err()).contains("ended 2 session(s) of '" + user.login() + "'");
		assertThat(sessions).allSatisfy((session) -> assertThat(whoAmI(session).status()).isEqualTo(401));
		assertThat(whoAmI(otherSession).status()).isEqualTo(200);
		assertThat(this.directory.asAdmin("read", "audit", Map.of("scope", Map.of("contact_id", user.id())))
			.json().path("values").valueStream()
			.filter((event) -> event.path("event").asString().equals("session.ended")))
			.hasSize(2)
			.allSatisfy((event) -> assertThat(event.path("detail").asString()).matches("ended by cli:\\S+ \\(id 0\\); session .*"));
	}

	private Api.Reply whoAmI(String session) {
		return this.api.postWithCookie("/rest/auth/", Map.of(), session);
	}
}
