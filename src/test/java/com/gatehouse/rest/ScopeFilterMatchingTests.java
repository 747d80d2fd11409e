package com.gatehouse.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scope} as the filter rest-api.md §5 documents, over HTTP: {@code column: value-to-match} over
 * the rows the caller may see, arrays matching any item, update and delete acting on every row
 * matched, a scope matching nothing answering no rows, and setting a key's token needing a scope that
 * matches exactly one key.
 */
@GatehouseTest
class ScopeFilterMatchingTests extends ScopeFilterTest {

	Api api;

	@Test
	void readWhenAScopeValueIsAnArrayThenMatchesAnyOfItsItems() {
		TestUser first = this.directory.newUser(this.company, "User");
		TestUser second = this.directory.newUser(this.company, "User");

		Api.Reply reply = this.ops.call(Directory.adminAuth(), "read", "user",
				Map.of("login", List.of(first.login(), second.login(), Directory.unique("nobody"))), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(2);
		assertThat(logins(reply)).containsExactlyInAnyOrder(first.login(), second.login());
	}

	@Test
	void readWhenScopeMatchesNothingThenSuccessWithNoRows() {
		Api.Reply reply = this.ops.call(Directory.adminAuth(), "read", "user", Map.of("login", Directory.unique("nobody")), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isEmpty()).isTrue();
		assertThat(reply.json().path("numrows").asInt()).isZero();
	}

	@Test
	void readOfAuthinfoFiltersByTypeAndSubtype() {
		TestUser user = this.directory.newUser(this.company, "User");
		this.directory.newKey(user.id());

		Api.Reply keys = this.ops.call(Directory.adminAuth(), "read", "authinfo",
				Map.of("contact_id", user.id(), "type", "auth", "subtype", "key"), Map.of());
		Api.Reply others = this.ops.call(Directory.adminAuth(), "read", "authinfo",
				Map.of("contact_id", user.id(), "type", "other"), Map.of());

		assertThat(keys.json().path("numrows").asInt()).as("%s", keys).isEqualTo(1);
		assertThat(others.json().path("numrows").asInt()).as("%s", others).isZero();
	}

	@Test
	void updateActsOnEveryRowTheScopeMatches() {
		TestUser first = this.directory.newUser(this.company, "User");
		TestUser second = this.directory.newUser(this.company, "User");
		TestUser untouched = this.directory.newUser(this.company, "User");

		Api.Reply reply = this.ops.call(Directory.adminAuth(), "update", "user",
				Map.of("id", List.of(first.id(), second.id())), Map.of("name", "Renamed Together"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values")).hasSize(2);
		assertThat(this.ops.nameOf(first)).isEqualTo("Renamed Together");
		assertThat(this.ops.nameOf(second)).isEqualTo("Renamed Together");
		assertThat(this.ops.nameOf(untouched)).isEqualTo("Name of " + untouched.login());
	}

	@Test
	void deleteActsOnEveryRowTheScopeMatches() {
		TestUser user = this.directory.newUser(this.company, "User");
		String first = this.directory.newKey(user.id());
		String second = this.directory.newKey(user.id());

		Api.Reply reply = this.ops.call(Directory.adminAuth(), "delete", "authinfo", Map.of("contact_id", user.id()), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(this.ops.authenticates(first)).isFalse();
		assertThat(this.ops.authenticates(second)).isFalse();
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

		Api.Reply reply = this.ops.call(Directory.adminAuth(), "read", "audit",
				Map.of("contact_id", user.id(), "event", List.of("user.created", "key.created"), "limit", 10), Map.of());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").valueStream().map((row) -> row.path("event").asString()))
			.containsExactlyInAnyOrder("user.created", "key.created");
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(2);
	}

	@Test
	void updateWhenScopeMatchesNothingThenSuccessWithNoRows() {
		Api.Reply reply = this.ops.call(Directory.adminAuth(), "update", "role", Map.of("name", Directory.unique("nothing")),
				Map.of("name", "Whatever"));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").isEmpty()).isTrue();
	}

	@Test
	void updateSettingATokenWhenScopeMatchesTwoKeysThenConflictNamingId() {
		TestUser user = this.directory.newUser(this.company, "User");
		String first = this.directory.newKey(user.id());
		this.directory.newKey(user.id());

		Api.Reply reply = this.ops.call(Directory.adminAuth(), "update", "authinfo", Map.of("contact_id", user.id()),
				Map.of("token", Directory.unique("client-chosen-token-of-32-chars-or-more")));

		assertFailure(reply, 409, "authinfo.token_needs_one_key");
		assertThat(reply.json().path("message").asString()).contains("scope.id");
		assertThat(this.ops.authenticates(first)).isTrue();
	}

	@Test
	void updateSettingATokenWhenScopeMatchesNoKeyThenConflict() {
		TestUser user = this.directory.newUser(this.company, "User");

		assertFailure(this.ops.call(Directory.adminAuth(), "update", "authinfo", Map.of("contact_id", user.id()),
				Map.of("token", Directory.unique("client-chosen-token-of-32-chars-or-more"))), 409,
				"authinfo.token_needs_one_key");
	}

	private static List<String> logins(Api.Reply reply) {
		return reply.json().path("values").valueStream().map((row) -> row.path("login").asString()).toList();
	}
}
