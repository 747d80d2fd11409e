package com.gatehouse.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scope} as the filter rest-api.md §5 documents, over HTTP for every type of /rest/ops/:
 * {@code column: value-to-match} over the rows the caller may see, arrays matching any item,
 * update and delete acting on every row matched, unknown columns refused, and a Company-Admin's
 * scope never reaching another company's rows whatever it says.
 */
@GatehouseTest
class ScopeFilterTests {

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	String company;

	String otherCompany;

	TestUser companyAdmin;

	TestUser stranger;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.directory = new Directory(this.api);
		this.company = this.directory.newCompany();
		this.otherCompany = this.directory.newCompany();
		this.companyAdmin = this.directory.newUser(this.company, "Company-Admin");
		this.stranger = this.directory.newUser(this.otherCompany, "User");
	}

	@ParameterizedTest
	@ValueSource(strings = { "company", "user", "role", "authinfo", "session", "audit" })
	void readWhenScopeNamesAColumnTheTypeLacksThenFailsNamingIt(String type) {
		Api.Reply reply = call(Directory.adminAuth(), "read", type, Map.of("no_such_column", 1), Map.of());

		assertFailure(reply, 400, "request.unknown_scope_column");
		assertThat(reply.json().path("message").asString()).contains("scope.no_such_column");
	}

	@ParameterizedTest
	@ValueSource(strings = { "company", "user", "role", "authinfo" })
	void updateWhenScopeNamesAColumnTheTypeLacksThenChangesNothing(String type) {
		assertFailure(call(Directory.adminAuth(), "update", type, Map.of("no_such_column", 1), Map.of("name", "X")), 400,
				"request.unknown_scope_column");
	}

	@Test
	void readWhenAScopeValueIsAnArrayThenMatchesAnyOfItsItems() {
		TestUser first = this.directory.newUser(this.company, "User");
		TestUser second = this.directory.newUser(this.company, "User");

		Api.Reply reply = call(Directory.adminAuth(), "read", "user",
				Map.of("login", List.of(first.login(), second.login(), Directory.unique("nobody"))), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(2);
		assertThat(logins(reply)).containsExactlyInAnyOrder(first.login(), second.login());
	}

	@Test
	void readWhenScopeMatchesNothingThenSuccessWithNoRows() {
		Api.Reply reply = call(Directory.adminAuth(), "read", "user", Map.of("login", Directory.unique("nobody")), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isEmpty()).isTrue();
		assertThat(reply.json().path("numrows").asInt()).isZero();
	}

	@Test
	void readOfAuthinfoFiltersByTypeAndSubtype() {
		TestUser user = this.directory.newUser(this.company, "User");
		this.directory.newKey(user.id());

		Api.Reply keys = call(Directory.adminAuth(), "read", "authinfo",
				Map.of("contact_id", user.id(), "type", "auth", "subtype", "key"), Map.of());
		Api.Reply others = call(Directory.adminAuth(), "read", "authinfo",
				Map.of("contact_id", user.id(), "type", "other"), Map.of());

		assertThat(keys.json().path("numrows").asInt()).as("%s", keys).isEqualTo(1);
		assertThat(others.json().path("numrows").asInt()).as("%s", others).isZero();
	}

	@Test
	void updateActsOnEveryRowTheScopeMatches() {
		TestUser first = this.directory.newUser(this.company, "User");
		TestUser second = this.directory.newUser(this.company, "User");
		TestUser untouched = this.directory.newUser(this.company, "User");

		Api.Reply reply = call(Directory.adminAuth(), "update", "user",
				Map.of("id", List.of(first.id(), second.id())), Map.of("name", "Renamed Together"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values")).hasSize(2);
		assertThat(nameOf(first)).isEqualTo("Renamed Together");
		assertThat(nameOf(second)).isEqualTo("Renamed Together");
		assertThat(nameOf(untouched)).isEqualTo("Name of " + untouched.login());
	}

	@Test
	void deleteActsOnEveryRowTheScopeMatches() {
		TestUser user = this.directory.newUser(this.company, "User");
		String first = this.directory.newKey(user.id());
		String second = this.directory.newKey(user.id());

		Api.Reply reply = call(Directory.adminAuth(), "delete", "authinfo", Map.of("contact_id", user.id()), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(authenticates(first)).isFalse();
		assertThat(authenticates(second)).isFalse();
	}

	@Test
	void deleteOfSessionsActsOnEverySessionTheFilterMatchesAmongTheUsersOwn() {
		TestUser user = this.directory.newUser(this.company, "User");
		String other = this.directory.login(user);
		String current = this.directory.login(user);

		Api.Reply listed = this.api.postWithCookie("/rest/ops/read/session", Map.of("scope", Map.of("current", true)),
				current);
		Api.Reply ended = this.api.postWithCookie("/rest/ops/delete/session", Map.of("scope", Map.of("current", false)),
				current);

		assertThat(listed.json().path("numrows").asInt()).as("%s", listed).isEqualTo(1);
		assertThat(ended.status()).as("%s", ended).isEqualTo(200);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), other).status()).isEqualTo(401);
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), current).status()).isEqualTo(200);
	}

	@Test
	void readOfAuditMatchesAnyEventOfAnArrayBesideTheBoundsOfTheRead() {
		TestUser user = this.directory.newUser(this.company, "User");
		this.directory.newKey(user.id());

		Api.Reply reply = call(Directory.adminAuth(), "read", "audit",
				Map.of("contact_id", user.id(), "event", List.of("user.created", "key.created"), "limit", 10), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").valueStream().map((row) -> row.path("event").asString()))
			.containsExactlyInAnyOrder("user.created", "key.created");
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(2);
	}

	@Test
	void updateWhenScopeMatchesNothingThenSuccessWithNoRows() {
		Api.Reply reply = call(Directory.adminAuth(), "update", "role", Map.of("name", Directory.unique("nothing")),
				Map.of("name", "Whatever"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isEmpty()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "company", "user", "role", "authinfo", "session" })
	void deleteWithoutScopeThenScopeRequired(String type) {
		assertFailure(call(Directory.adminAuth(), "delete", type, Map.of(), Map.of()), 400, "request.scope_required");
	}

	@Test
	void updateSettingATokenWhenScopeMatchesTwoKeysThenConflictNamingId() {
		TestUser user = this.directory.newUser(this.company, "User");
		String first = this.directory.newKey(user.id());
		this.directory.newKey(user.id());

		Api.Reply reply = call(Directory.adminAuth(), "update", "authinfo", Map.of("contact_id", user.id()),
				Map.of("token", Directory.unique("client-chosen-token-of-32-chars-or-more")));

		assertFailure(reply, 409, "authinfo.token_needs_one_key");
		assertThat(reply.json().path("message").asString()).contains("scope.id");
		assertThat(authenticates(first)).isTrue();
	}

	@Test
	void updateSettingATokenWhenScopeMatchesNoKeyThenConflict() {
		TestUser user = this.directory.newUser(this.company, "User");

		assertFailure(call(Directory.adminAuth(), "update", "authinfo", Map.of("contact_id", user.id()),
				Map.of("token", Directory.unique("client-chosen-token-of-32-chars-or-more"))), 409,
				"authinfo.token_needs_one_key");
	}

	@Test
	void scopeValueThatIsAnObjectThenRequestInvalid() {
		assertFailure(call(Directory.adminAuth(), "read", "user", Map.of("company", Map.of("a", 1)), Map.of()), 400,
				"request.invalid");
	}

	@Test
	void scopeMemberOfTheWrongTypeIsNamedAsTheApiSpellsIt() {
		Api.Reply reply = call(Directory.adminAuth(), "read", "authinfo", Map.of("contact_id", "not a number"), Map.of());

		assertFailure(reply, 400, "request.invalid");
		assertThat(reply.json().path("message").asString()).isEqualTo("scope.contact_id must be a number");
	}

	@Test
	void valuesMemberOfTheWrongTypeIsNamedAsTheApiSpellsIt() {
		TestUser user = this.directory.newUser(this.company, "User");

		Api.Reply reply = call(Directory.adminAuth(), "update", "user", Map.of("id", user.id()),
				Map.of("enabled", List.of("yes")));

		assertFailure(reply, 400, "request.invalid");
		assertThat(reply.json().path("message").asString()).isEqualTo("values.enabled must be true or false");
	}

	@Test
	void companyCreateWithoutAnIdNamesValuesCompany() {
		Api.Reply reply = call(Directory.adminAuth(), "create", "company", Map.of(), Map.of("name", "No Id"));

		assertFailure(reply, 400, "request.invalid");
		assertThat(reply.json().path("message").asString()).isEqualTo("values.company must not be null");
	}

	@Test
	void companyCreateWhenValuesCompanyAndValuesIdDifferThenRequestInvalid() {
		assertFailure(call(Directory.adminAuth(), "create", "company", Map.of(),
				Map.of("company", Directory.unique("a"), "id", Directory.unique("b"), "name", "Two Ids")), 400,
				"request.invalid");
	}

	@Test
	void companyAdminReadsOnlyItsOwnCompanysRowsWhateverTheScopeNames() {
		List<String> both = List.of(this.company, this.otherCompany);
		Map<String, Object> admin = this.companyAdmin.auth();

		assertThat(call(admin, "read", "company", Map.of("company", both), Map.of()).json().path("values").propertyNames())
			.containsExactly(this.company);
		assertThat(call(admin, "read", "user", Map.of("company", both), Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("company").asString()).isEqualTo(this.company));
		assertThat(call(admin, "read", "user", Map.of("login", this.stranger.login()), Map.of()).json().path("numrows")
			.asInt()).isZero();
		assertThat(call(admin, "read", "user", Map.of("id", List.of(this.stranger.id())), Map.of()).json().path("numrows")
			.asInt()).isZero();
		assertThat(call(admin, "read", "role", Map.of("company", both), Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("company").asString("")).isNotEqualTo(this.otherCompany));
		assertThat(call(admin, "read", "audit", Map.of("company", both), Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("company").asString()).isEqualTo(this.company));
	}

	@Test
	void companyAdminNeverSeesOrChangesAnotherCompanysKeysWhateverTheScopeNames() {
		String key = this.directory.newKey(this.stranger.id());
		Map<String, Object> admin = this.companyAdmin.auth();
		Map<String, Object> scope = Map.of("contact_id", List.of(this.stranger.id(), this.companyAdmin.id()));

		assertThat(call(admin, "read", "authinfo", scope, Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("contact_id").asLong()).isNotEqualTo(this.stranger.id()));
		assertThat(call(admin, "read", "authinfo", Map.of("contact_id", this.stranger.id()), Map.of()).json()
			.path("numrows").asInt()).isZero();
		assertThat(call(admin, "delete", "authinfo", Map.of("contact_id", this.stranger.id()), Map.of()).status())
			.isEqualTo(200);
		assertThat(call(admin, "update", "authinfo", Map.of("contact_id", this.stranger.id()), Map.of("name", "Mine"))
			.json().path("values").isEmpty()).isTrue();
		assertThat(authenticates(key)).isTrue();
	}

	@Test
	void companyAdminNeverChangesAnotherCompanysUsersWhateverTheScopeNames() {
		Map<String, Object> admin = this.companyAdmin.auth();

		call(admin, "update", "user", Map.of("id", List.of(this.stranger.id())), Map.of("name", "Hijacked"));
		call(admin, "update", "user", Map.of("login", List.of(this.stranger.login())), Map.of("name", "Hijacked"));
		call(admin, "delete", "user", Map.of("id", List.of(this.stranger.id())), Map.of());
		call(admin, "delete", "session", Map.of("contact_id", List.of(this.stranger.id())), Map.of());

		assertThat(nameOf(this.stranger)).isEqualTo("Name of " + this.stranger.login());
		assertFailure(call(admin, "update", "company", Map.of("company", this.otherCompany), Map.of("name", "Hijacked")),
				403, "permission.denied");
	}

	private Api.Reply call(Map<String, Object> auth, String verb, String type, Map<String, Object> scope,
			Map<String, Object> values) {
		Map<String, Object> body = new HashMap<>();
		body.put("auth", auth);
		body.put("scope", scope);
		body.put("values", values);
		return this.api.post("/rest/ops/" + verb + "/" + type, body);
	}

	private String nameOf(TestUser user) {
		JsonNode rows = call(Directory.adminAuth(), "read", "user", Map.of("id", user.id()), Map.of()).json().path("values");
		assertThat(rows).as("user %s", user.login()).hasSize(1);
		return rows.path(0).path("name").asString();
	}

	private boolean authenticates(String key) {
		return "success".equals(this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "key", key))).result());
	}

	private static List<String> logins(Api.Reply reply) {
		return reply.json().path("values").valueStream().map((row) -> row.path("login").asString()).toList();
	}
}
