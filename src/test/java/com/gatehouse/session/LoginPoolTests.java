package com.gatehouse.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.Race;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login stores its session in the transaction that holds the user's row lock, on one connection:
 * were the session saved on a second one, as many concurrent logins as the pool has connections
 * would each hold one and wait for another until the pool gave up. With a pool of two, many more
 * logins than that race and every one is answered.
 */
@GatehouseTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=1000" })
class LoginPoolTests {

	private static final int LOGINS = 12;

	Api api;

	Directory directory;

	@Test
	void whenMoreLoginsRaceThanThePoolHasConnectionsThenEveryOneIsAnswered() {
		String company = this.directory.newCompany();
		List<TestUser> users = IntStream.range(0, LOGINS).mapToObj((i) -> this.directory.newUser(company, "User")).toList();

		for (int round = 0; round < 3; round++) {
			List<Callable<Api.Reply>> logins = users.stream()
				.<Callable<Api.Reply>>map((user) -> () -> this.api.post("/rest/auth/", Map.of("auth", user.auth())))
				.toList();
			List<Api.Reply> replies = Race.run(logins);

			assertThat(replies).allSatisfy((reply) -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
		}
	}
}
