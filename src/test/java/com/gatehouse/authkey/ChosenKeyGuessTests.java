package com.gatehouse.authkey;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;
import com.gatehouse.abuse.LoopbackForgiven;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client-chosen key value cannot be used to confirm guesses of other users' keys (issue 12): a
 * weak value is refused before any lookup, and a value already in use answers 409 but counts as a
 * failed credential for the address (429 once over the limit, 3 here) and is audited about the
 * guesser, never naming the key or its owner. The guesser comes from its own address (through the
 * trusted loopback proxy), so the count is its own.
 */
@GatehouseTest
@TestPropertySource(properties = "gatehouse.abuse.address-failures=3")
@ExtendWith(LoopbackForgiven.class)
class ChosenKeyGuessTests {

	private static final String SPEC_EXAMPLE = "VHUSAIbicp-asi9pbhucp909gb88s78bt7csbt7os";

	Api api;

	Directory directory;

	TestUser guesser;

	@BeforeEach
	void setUp() {
		this.guesser = this.directory.newUser(this.directory.newCompany(), "User");
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwordxxxxxxxxxxxxxxxxxxxxxxxx", "mysecretkey000000000000000000000",
			"passwordpasswordpasswordpassword", "0123456789abcdefghijklmnopqrstuv", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"Summer2024Summer2024Summer2024Summer2024" })
	void createWhenChosenTokenIsEasyToGuessThen400(String token) {
		Api.Reply reply = createOwnKey(token, uniqueAddress());

		assertFailure(reply, 400, "authinfo.token_weak");
	}

	@Test
	void createWhenChosenTokenIsTheSpecExampleThenAccepted() {
		Api.Reply reply = createOwnKey(SPEC_EXAMPLE + Long.toString(System.nanoTime(), 36), uniqueAddress());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	@Test
	void createWhenChosenTokenIsAnotherCompanysLiveKeyThenCountedAuditedAndThrottled() {
		TestUser victim = this.directory.newUser(this.directory.newCompany(), "User");
		String victimKey = this.directory.newKey(victim.id());
		String address = uniqueAddress();

		for (int i = 0; i < 3; i++) {
			assertFailure(createOwnKey(victimKey, address), 409, "authinfo.exists");
		}
		Api.Reply fourth = createOwnKey(victimKey, address);

		assertFailure(fourth, 429, "request.throttled");
		assertThat(fourth.body()).doesNotContain(victim.login(), Long.toString(victim.id()));
		Api.Reply trail = this.directory.asAdmin("read", "audit",
				Map.of("scope", Map.of("event", "key.collision", "contact_id", this.guesser.id())));
		assertThat(trail.body()).contains("key.collision", this.guesser.login())
			.doesNotContain(victim.login(), victim.company(), victimKey);
		// The fourth guess never reached the create: the address was over its limit at authentication.
		assertThat(trail.json().path("values").size()).isEqualTo(3);
		assertThat(this.api.post("/rest/auth/", Map.of(), "Authorization", "token auth=" + victimKey).status())
			.isEqualTo(200);
	}

	private Api.Reply createOwnKey(String token, String address) {
		return this.api.post("/rest/ops/create/authinfo",
				Map.of("auth", this.guesser.auth(), "values", Map.of("contact_id", this.guesser.id(), "token", token)),
				"X-Forwarded-For", address);
	}

	private static String uniqueAddress() {
		long n = System.nanoTime();
		return "198.18." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}
}
