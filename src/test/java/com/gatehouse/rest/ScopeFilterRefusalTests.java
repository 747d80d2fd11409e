package com.gatehouse.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code scope} or {@code values} may not say, over HTTP for every type of /rest/ops/: a column
 * the type lacks, no scope on a delete, an object where a value belongs, a member of the wrong type
 * (named as the API spells it), and a company create whose id is missing or given twice differently.
 * Each is a 400.
 */
@GatehouseTest
class ScopeFilterRefusalTests extends ScopeFilterTest {

	@ParameterizedTest
	@ValueSource(strings = { "company", "user", "role", "authinfo", "session", "audit" })
	void readWhenScopeNamesAColumnTheTypeLacksThenFailsNamingIt(String type) {
		Api.Reply reply = this.ops.call(Directory.adminAuth(), "read", type, Map.of("no_such_column", 1), Map.of());

		assertFailure(reply, 400, "request.unknown_scope_column");
		assertThat(reply.json().path("message").asString()).contains("scope.no_such_column");
	}

	@ParameterizedTest
	@ValueSource(strings = { "company", "user", "role", "authinfo" })
	void updateWhenScopeNamesAColumnTheTypeLacksThenChangesNothing(String type) {
		assertFailure(this.ops.call(Directory.adminAuth(), "update", type, Map.of("no_such_column", 1), Map.of("name", "X")), 400,
				"request.unknown_scope_column");
	}

	@ParameterizedTest
	@ValueSource(strings = { "company", "user", "role", "authinfo", "session" })
	void deleteWithoutScopeThenScopeRequired(String type) {
		assertFailure(this.ops.call(Directory.adminAuth(), "delete", type, Map.of(), Map.of()), 400, "request.scope_required");
	}

	@Test
	void scopeValueThatIsAnObjectThenRequestInvalid() {
		assertFailure(this.ops.call(Directory.adminAuth(), "read", "user", Map.of("company", Map.of("a", 1)), Map.of()), 400,
				"request.invalid");
	}

	@Test
	void scopeMemberOfTheWrongTypeIsNamedAsTheApiSpellsIt() {
		Api.Reply reply = this.ops.call(Directory.adminAuth(), "read", "authinfo", Map.of("contact_id", "not a number"), Map.of());

		assertFailure(reply, 400, "request.invalid");
		assertThat(reply.json().path("message").asString()).isEqualTo("scope.contact_id must be a number");
	}

	@Test
	void valuesMemberOfTheWrongTypeIsNamedAsTheApiSpellsIt() {
		TestUser user = this.directory.newUser(this.company, "User");

		Api.Reply reply = this.ops.call(Directory.adminAuth(), "update", "user", Map.of("id", user.id()),
				Map.of("enabled", List.of("yes")));

		assertFailure(reply, 400, "request.invalid");
		assertThat(reply.json().path("message").asString()).isEqualTo("values.enabled must be true or false");
	}

	@Test
	void companyCreateWithoutAnIdNamesValuesCompany() {
		Api.Reply reply = this.ops.call(Directory.adminAuth(), "create", "company", Map.of(), Map.of("name", "No Id"));

		assertFailure(reply, 400, "request.invalid");
		assertThat(reply.json().path("message").asString()).isEqualTo("values.company must not be null");
	}

	@Test
	void companyCreateWhenValuesCompanyAndValuesIdDifferThenRequestInvalid() {
		assertFailure(this.ops.call(Directory.adminAuth(), "create", "company", Map.of(),
				Map.of("company", Directory.unique("a"), "id", Directory.unique("b"), "name", "Two Ids")), 400,
				"request.invalid");
	}
}
