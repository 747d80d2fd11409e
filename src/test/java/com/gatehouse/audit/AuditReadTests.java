package com.gatehouse.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: "audit"} over HTTP: who may read which events, the filters, the order and the page
 * limit, and that nothing writes to the trail through the API.
 */
@GatehouseTest
class AuditReadTests {

	Api api;

	Directory directory;

	AuditReads audit;

	@Test
	void readAnswersNewestFirst() {
		TestUser user = userRenamed("one", "two", "three");

		List<JsonNode> rows = this.audit.about(user.id());

		assertThat(AuditReads.events(rows)).containsExactly("user.updated", "user.updated", "user.updated", "user.created");
		assertThat(details(rows).subList(0, 3)).allSatisfy((detail) -> assertThat(detail).contains("-> '"));
		assertThat(details(rows).get(0)).endsWith("'two' -> 'three'");
		assertThat(details(rows).get(2)).endsWith("-> 'one'");
		List<Instant> times = rows.stream().map((row) -> Instant.parse(row.path("time").asString())).toList();
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void readFiltersByEventAndContactId() {
		TestUser user = userRenamed("one");
		TestUser other = userRenamed("other");

		List<JsonNode> rows = this.audit.asAdmin(Map.of("contact_id", user.id(), "event", "user.created"));

		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).path("contact_id").asLong()).isEqualTo(user.id());
		assertThat(rows.get(0).path("event").asString()).isEqualTo("user.created");
		assertThat(this.audit.about(other.id())).extracting((row) -> row.path("contact_id").asLong()).containsOnly(other.id());
	}

	@Test
	void readFiltersBySinceInclusiveAndUntilExclusive() {
		TestUser user = userRenamed("one", "two", "three");
		List<JsonNode> all = this.audit.about(user.id());
		String second = all.get(2).path("time").asString();
		String third = all.get(1).path("time").asString();

		List<JsonNode> sinceSecond = this.audit.asAdmin(Map.of("contact_id", user.id(), "since", second));
		List<JsonNode> untilSecond = this.audit.asAdmin(Map.of("contact_id", user.id(), "until", second));
		List<JsonNode> onlySecond = this.audit.asAdmin(Map.of("contact_id", user.id(), "since", second, "until", third));

		assertThat(details(sinceSecond)).containsExactlyElementsOf(details(all.subList(0, 3)));
		assertThat(details(untilSecond)).containsExactlyElementsOf(details(all.subList(3, 4)));
		assertThat(details(onlySecond)).containsExactly(details(all).get(2));
	}

	@Test
	void readTakesInstantsWithAnOffset() {
		TestUser user = userRenamed("one");

		assertThat(this.audit.asAdmin(Map.of("contact_id", user.id(), "since", "2000-01-01T02:00:00+02:00"))).hasSize(2);
		assertThat(this.audit.asAdmin(Map.of("contact_id", user.id(), "until", "2000-01-01T00:00:00.000Z"))).isEmpty();
	}

	@Test
	void readAnswersAtMostLimitRowsTheNewest() {
		TestUser user = userRenamed("one", "two", "three");

		List<JsonNode> rows = this.audit.asAdmin(Map.of("contact_id", user.id(), "limit", 2));

		assertThat(details(rows)).containsExactlyElementsOf(details(this.audit.about(user.id()).subList(0, 2)));
	}

	@Test
	void readAppliesColumns() {
		TestUser user = userRenamed("one");

		Map<String, Object> body = new HashMap<>();
		body.put("auth", Directory.adminAuth());
		body.put("scope", Map.of("contact_id", user.id()));
		body.put("columns", List.of("event", "login"));
		Api.Reply reply = this.api.post("/rest/ops/read/audit", body);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).propertyNames()).containsExactly("event", "login");
	}

	@Test
	void readWithBadFiltersFailsWithRequestInvalid() {
		List<Map<String, Object>> scopes = List.of(Map.of("since", "yesterday"), Map.of("until", "2024-13-01T00:00:00Z"),
				Map.of("since", "2024-05-01"), Map.of("since", 1714521600000L), Map.of("until", Map.of("a", 1)),
				Map.of("since", "2024-05-02T00:00:00Z", "until", "2024-05-01T00:00:00Z"), Map.of("contact_id", "abc"),
				Map.of("event", "e".repeat(41)), Map.of("limit", 0), Map.of("limit", 1001), Map.of("limit", "many"));

		for (Map<String, Object> scope : scopes) {
			assertFailure(this.audit.call("read", Directory.adminAuth(), scope), 400, "request.invalid");
		}
	}

	@Test
	void readAsCompanyAdminAnswersOnlyItsCompanysEvents() {
		String mine = this.directory.newCompany();
		TestUser admin = this.directory.newUser(mine, "Company-Admin");
		TestUser colleague = this.directory.newUser(mine, "User");
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");
		rename(colleague, "colleague");
		rename(stranger, "stranger");
		this.directory.asAdmin("create", "role", Map.of("values", Map.of("name", Directory.unique("Global"))));

		List<JsonNode> everything = this.audit.rows(admin.auth(), Map.of());
		List<JsonNode> aboutStranger = this.audit.rows(admin.auth(), Map.of("contact_id", stranger.id()));

		assertThat(everything).isNotEmpty()
			.extracting((row) -> row.path("company").asString())
			.containsOnly(mine);
		assertThat(everything).extracting((row) -> row.path("contact_id").asLong()).contains(colleague.id(), admin.id());
		assertThat(AuditReads.events(this.audit.rows(admin.auth(), Map.of("contact_id", colleague.id()))))
			.containsExactly("user.updated", "user.created");
		assertThat(aboutStranger).isEmpty();
		assertThat(this.audit.about(stranger.id())).isNotEmpty();
	}

	@Test
	void readAsPlainUserIsDeniedAndTheDenialIsRecorded() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		assertFailure(this.audit.call("read", user.auth(), Map.of()), 403, "permission.denied");

		assertThat(this.audit.asAdmin(Map.of("contact_id", user.id(), "event", "permission.denied")))
			.extracting((row) -> row.path("detail").asString())
			.containsExactly("by " + user.login() + " (" + user.id() + "): audit.read");
	}

	@Test
	void writingVerbsFailWithReadOnlyAndChangeNothing() {
		TestUser user = userRenamed("one");
		List<JsonNode> before = this.audit.about(user.id());
		Map<String, Object> scope = Map.of("contact_id", user.id());

		for (String verb : List.of("create", "update", "delete")) {
			Api.Reply reply = this.api.post("/rest/ops/" + verb + "/audit", Map.of("auth", Directory.adminAuth(), "scope",
					scope, "values", Map.of("event", "logout", "detail", "forged")));
			assertFailure(reply, 400, "request.read_only");
		}

		assertThat(this.audit.about(user.id())).isEqualTo(before);
	}

	@Test
	void writingVerbsFromAPlainUserAreDenied() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		for (String verb : List.of("create", "update", "delete")) {
			assertFailure(this.audit.call(verb, user.auth(), Map.of()), 403, "permission.denied");
		}
	}

	@Test
	void readWithoutCredentialsFailsWithAuthRequired() {
		assertFailure(this.api.post("/rest/ops/read/audit", Map.of()), 401, "auth.required");
	}

	/** A new user, renamed by the System-Admin once for each name, in turn. */
	private TestUser userRenamed(String... names) {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		for (String name : names) {
			rename(user, name);
		}
		return user;
	}

	private void rename(TestUser user, String name) {
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("name", name)));
	}

	private static List<String> details(List<JsonNode> rows) {
		return rows.stream().map((row) -> row.path("detail").asString()).toList();
	}
}
