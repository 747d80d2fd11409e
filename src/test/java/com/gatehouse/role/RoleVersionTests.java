package com.gatehouse.role;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role's {@code version}: every row carries it, it changes with the name or perms, and an update
 * that names a version the role no longer has is refused (409) and changes nothing.
 */
@GatehouseTest
class RoleVersionTests {

	@Autowired
	JdbcClient jdbc;

	RoleCalls roles;

	@Test
	void whenUpdateNamesTheVersionItReadThenItAppliesAndTheVersionChanges() {
		JsonNode role = this.roles.created(null, Map.of("calls", "yes"));

		Api.Reply reply = update(role, Map.of("perms", Map.of("calls", "yes", "voicemail", "company"), "version",
				role.path("version").asString()));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode updated = reply.json().path("values").path(0);
		assertThat(RoleCalls.perms(updated)).containsOnlyKeys("calls", "voicemail");
		assertThat(updated.path("version").asString()).matches("[0-9a-f]{16}").isNotEqualTo(role.path("version").asString());
	}

	@Test
	void whenUpdateNamesAStaleVersionThenConflictAndNothingChanges() {
		JsonNode role = this.roles.created(null, Map.of("calls", "yes"));
		String read = role.path("version").asString();
		assertThat(update(role, Map.of("perms", Map.of("calls", "yes", "fax", "yes"), "version", read)).status())
			.isEqualTo(200);

		Api.Reply stale = update(role, Map.of("perms", Map.of("calls", "yes", "voicemail", "yes"), "version", read));

		assertFailure(stale, 409, "role.changed");
		JsonNode now = this.roles.call(Directory.adminAuth(), "read", Map.of("scope", Map.of("id", role.path("id").asLong())))
			.json()
			.path("values")
			.path(0);
		assertThat(RoleCalls.perms(now)).containsOnlyKeys("calls", "fax");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE event = 'role.updated' AND detail LIKE :role")
			.param("role", "%(" + role.path("id").asLong() + ")%")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void whenARenameIsUndoneThenTheVersionIsTheOriginalAgain() {
		JsonNode role = this.roles.created(null, Map.of("calls", "yes"));
		String name = role.path("name").asString();

		update(role, Map.of("name", name + "x"));
		Api.Reply back = update(role, Map.of("name", name));

		assertThat(back.json().path("values").path(0).path("version").asString()).isEqualTo(role.path("version").asString());
	}

	@Test
	void whenVersionIsNotAVersionThenBadRequest() {
		JsonNode role = this.roles.created(null, Map.of("calls", "yes"));

		assertThat(update(role, Map.of("version", "not-a-version")).status()).isEqualTo(400);
	}

	private Api.Reply update(JsonNode role, Map<String, Object> values) {
		return this.roles.call(Directory.adminAuth(), "update", Map.of("scope", Map.of("id", role.path("id").asLong()),
				"values", values));
	}
}
