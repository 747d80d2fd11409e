package com.gatehouse.session;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.session.SessionListFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose sessions a {@code type: "session"} read reaches over HTTP: a System-Admin reads any user's, a
 * Company-Admin those of its company's users (a System-Admin's is denied); any other user's are
 * {@code user.unknown}, as if there were no such user. And what a session read refuses: an unknown
 * user, a malformed id, create and update.
 */
@GatehouseTest
class SessionListAccessTests {

	Api api;

	Directory directory;

	SessionListFixture fixture;

	@Test
	void systemAdminReadsTheSessionsOfAnyUser() {
		TestUser user = this.fixture.newUser();
		this.directory.login(user);

		Api.Reply reply = this.directory.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", user.id())));

		assertThat(rows(reply)).extracting((row) -> row.path("contact_id").asLong()).containsExactly(user.id());
	}

	@Test
	void companyAdminReadsTheSessionsOfAUserOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser user = this.directory.newUser(company, "User");
		this.directory.login(user);

		Api.Reply reply = readAs(admin, Map.of("contact_id", user.id()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(rows(reply)).extracting((row) -> row.path("login").asString()).containsExactly(user.login());
	}

	@Test
	void companyAdminCannotReadTheSessionsOfAnotherCompanysUser() {
		TestUser admin = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		TestUser stranger = this.fixture.newUser();
		this.directory.login(stranger);

		assertFailure(readAs(admin, Map.of("contact_id", stranger.id())), 404, "user.unknown");
	}

	@Test
	void companyAdminCannotReadTheSessionsOfASystemAdminOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser systemAdmin = this.directory.newUser(company, "System-Admin");
		this.directory.login(systemAdmin);

		assertFailure(readAs(admin, Map.of("contact_id", systemAdmin.id())), 403, "permission.denied");
	}

	@Test
	void userCannotReadTheSessionsOfAnotherUserOfItsCompany() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		TestUser colleague = this.directory.newUser(company, "User");
		this.directory.login(colleague);

		assertFailure(readAs(user, Map.of("contact_id", colleague.id())), 404, "user.unknown");
	}

	@Test
	void readOfAnUnknownUserThenUserUnknown() {
		assertFailure(this.api.post("/rest/ops/read/session",
				Map.of("scope", Map.of("contact_id", Long.MAX_VALUE), "auth", Directory.adminAuth())), 404, "user.unknown");
	}

	@Test
	void readWithAMalformedIdThenRequestInvalid() {
		String session = this.directory.login(this.fixture.newUser());

		assertFailure(this.api.postWithCookie("/rest/ops/read/session", Map.of("scope", Map.of("id", session)), session), 400,
				"request.invalid");
		assertFailure(this.api.postWithCookie("/rest/ops/read/session",
				Map.of("scope", Map.of("id", "9".repeat(19) + "." + "0".repeat(32))), session), 400, "request.invalid");
	}

	@Test
	void createAndUpdateOfASessionThenUnknownVerb() {
		String session = this.directory.login(this.fixture.newUser());

		assertFailure(this.api.postWithCookie("/rest/ops/create/session", Map.of(), session), 404, "request.unknown_verb");
		assertFailure(this.api.postWithCookie("/rest/ops/update/session", Map.of(), session), 404, "request.unknown_verb");
	}

	private Api.Reply readAs(TestUser caller, Map<String, Object> scope) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", scope);
		body.put("auth", caller.auth());
		return this.api.post("/rest/ops/read/session", body);
	}
}
