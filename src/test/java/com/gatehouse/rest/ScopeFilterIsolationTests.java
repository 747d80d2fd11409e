package com.gatehouse.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Company-Admin's {@code scope} never reaches another company's rows, whatever it names: reads
 * answer only its own company's companies, users, roles, audit events and keys, and updates and
 * deletes of another company's users, keys, sessions or company change nothing.
 */
@GatehouseTest
class ScopeFilterIsolationTests extends ScopeFilterTest {

	String otherCompany;

	TestUser companyAdmin;

	TestUser stranger;

	@BeforeEach
	void setUp() {
		this.otherCompany = this.directory.newCompany();
		this.companyAdmin = this.directory.newUser(this.company, "Company-Admin");
		this.stranger = this.directory.newUser(this.otherCompany, "User");
	}

	@Test
	void companyAdminReadsOnlyItsOwnCompanysRowsWhateverTheScopeNames() {
		List<String> both = List.of(this.company, this.otherCompany);
		Map<String, Object> admin = this.companyAdmin.auth();

		assertThat(this.ops.call(admin, "read", "company", Map.of("company", both), Map.of()).json().path("values").propertyNames())
			.containsExactly(this.company);
		assertThat(this.ops.call(admin, "read", "user", Map.of("company", both), Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("company").asString()).isEqualTo(this.company));
		assertThat(this.ops.call(admin, "read", "user", Map.of("login", this.stranger.login()), Map.of()).json().path("numrows")
			.asInt()).isZero();
		assertThat(this.ops.call(admin, "read", "user", Map.of("id", List.of(this.stranger.id())), Map.of()).json().path("numrows")
			.asInt()).isZero();
		assertThat(this.ops.call(admin, "read", "role", Map.of("company", both), Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("company").asString("")).isNotEqualTo(this.otherCompany));
		assertThat(this.ops.call(admin, "read", "audit", Map.of("company", both), Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("company").asString()).isEqualTo(this.company));
	}

	@Test
	void companyAdminNeverSeesOrChangesAnotherCompanysKeysWhateverTheScopeNames() {
		String key = this.directory.newKey(this.stranger.id());
		Map<String, Object> admin = this.companyAdmin.auth();
		Map<String, Object> scope = Map.of("contact_id", List.of(this.stranger.id(), this.companyAdmin.id()));

		assertThat(this.ops.call(admin, "read", "authinfo", scope, Map.of()).json().path("values"))
			.allSatisfy((row) -> assertThat(row.path("contact_id").asLong()).isNotEqualTo(this.stranger.id()));
		assertThat(this.ops.call(admin, "read", "authinfo", Map.of("contact_id", this.stranger.id()), Map.of()).json()
			.path("numrows").asInt()).isZero();
		assertThat(this.ops.call(admin, "delete", "authinfo", Map.of("contact_id", this.stranger.id()), Map.of()).status())
			.isEqualTo(200);
		assertThat(this.ops.call(admin, "update", "authinfo", Map.of("contact_id", this.stranger.id()), Map.of("name", "Mine"))
			.json().path("values").isEmpty()).isTrue();
		assertThat(this.ops.authenticates(key)).isTrue();
	}

	@Test
	void companyAdminNeverChangesAnotherCompanysUsersWhateverTheScopeNames() {
		Map<String, Object> admin = this.companyAdmin.auth();

		this.ops.call(admin, "update", "user", Map.of("id", List.of(this.stranger.id())), Map.of("name", "Hijacked"));
		this.ops.call(admin, "update", "user", Map.of("login", List.of(this.stranger.login())), Map.of("name", "Hijacked"));
		this.ops.call(admin, "delete", "user", Map.of("id", List.of(this.stranger.id())), Map.of());
		this.ops.call(admin, "delete", "session", Map.of("contact_id", List.of(this.stranger.id())), Map.of());

		assertThat(this.ops.nameOf(this.stranger)).isEqualTo("Name of " + this.stranger.login());
		assertFailure(this.ops.call(admin, "update", "company", Map.of("company", this.otherCompany), Map.of("name", "Hijacked")),
				403, "permission.denied");
	}
}
