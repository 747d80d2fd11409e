package com.gatehouse.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No audit event ever holds a secret: after users with passwords and keys go through the audited
 * actions (with passwords and keys in the very requests), neither the audit read nor the
 * {@code audit_events} table holds a password, a password hash, a key or a session id.
 */
@GatehouseTest
class AuditSecrecyTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	AuditReads audit;

	@Test
	void auditedActionsLeaveNoSecretInAnyEvent() {
		List<String> secrets = new ArrayList<>(List.of(Directory.ADMIN_PASSWORD));
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser user = this.directory.newUser(company, "User");
		secrets.addAll(List.of(admin.password(), user.password()));
		String adminKey = this.directory.newKey(admin.id());
		String userKey = this.directory.newKey(user.id());
		secrets.addAll(List.of(adminKey, userKey));

		// A Company-Admin, by key, creates a user and changes its password; the user is then deleted.
		String madeLogin = Directory.unique("made");
		String madePassword = "made-password-" + madeLogin;
		String changedPassword = "changed-password-" + madeLogin;
		secrets.addAll(List.of(madePassword, changedPassword));
		long made = byKey(adminKey, "create", "user", Map.of("values", Map.of("login", madeLogin, "password", madePassword)))
			.json().path("values").path(0).path("id").asLong();
		byKey(adminKey, "update", "user", Map.of("scope", Map.of("id", made), "values", Map.of("password", changedPassword)));
		// The System-Admin resets the user's password; the user logs in, fails once, logs out.
		String resetPassword = "reset-password-" + user.login();
		secrets.add(resetPassword);
		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values",
				Map.of("password", resetPassword, "name", "Reset")));
		String wrongPassword = "wrong-password-" + user.login();
		secrets.add(wrongPassword);
		this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", wrongPassword)));
		Api.Reply login = this.api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", resetPassword)));
		String session = login.sessionCookie().orElseThrow();
		secrets.add(session);
		// The user, by key and by password, tries what it may not, with a password in the values.
		String deniedPassword = "denied-password-" + user.login();
		secrets.add(deniedPassword);
		assertThat(byKey(userKey, "create", "user", Map.of("values", Map.of("login", Directory.unique("no"), "password",
				deniedPassword))).status()).isEqualTo(403);
		assertThat(this.api.post("/rest/ops/create/role", Map.of("auth", Map.of("type", "auth", "username", user.login(),
				"password", resetPassword), "values", Map.of("name", deniedPassword, "company", company))).status())
			.isEqualTo(403);
		assertThat(this.api.postWithCookie("/rest/auth/logout", Map.of("auth", Map.of("type", "auth")), session).status())
			.isEqualTo(200);
		List<String> hashes = this.jdbc.sql("SELECT password_hash FROM users WHERE id IN (:ids)")
			.param("ids", List.of(admin.id(), user.id(), made))
			.query(String.class)
			.list();
		secrets.addAll(hashes);
		this.directory.asAdmin("delete", "user", Map.of("scope", Map.of("id", made)));

		List<JsonNode> read = new ArrayList<>(this.audit.asAdmin(Map.of()));
		for (long id : List.of(admin.id(), user.id(), made)) {
			read.addAll(this.audit.about(id));
		}
		read.addAll(this.audit.rows(admin.auth(), Map.of()));
		List<String> stored = this.jdbc.sql("SELECT * FROM audit_events")
			.query((rs, row) -> {
				StringBuilder all = new StringBuilder();
				for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
					all.append(rs.getString(column)).append('|');
				}
				return all.toString();
			})
			.list();

		assertThat(AuditReads.events(this.audit.about(made))).containsExactly("user.deleted", "password.changed", "user.created");
		assertThat(AuditReads.events(this.audit.about(user.id()))).contains("user.updated", "permission.denied", "logout");
		assertThat(hashes).hasSize(3);
		assertThat(stored).isNotEmpty();
		String readText = read.toString();
		for (String secret : secrets) {
			assertThat(readText).as("the audit read").doesNotContain(secret);
			assertThat(stored).as("audit_events").noneMatch((row) -> row.contains(secret));
		}
	}

	private Api.Reply byKey(String key, String verb, String type, Map<String, Object> body) {
		return this.api.post("/rest/ops/" + verb + "/" + type, body, "Authorization", "token auth=" + key);
	}
}
