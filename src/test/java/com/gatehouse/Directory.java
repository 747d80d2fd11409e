package com.gatehouse;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures made through the REST API as the bootstrap System-Admin: each call makes a fresh
 * company, user or key with a unique name, so tests sharing one store never meet.
 */
public final class Directory {

	public static final String ADMIN_LOGIN = "admin";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private final Api api;

	public Directory(Api api) {
		this.api = api;
	}

	public static Map<String, Object> adminAuth() {
		return Map.of("type", "auth", "username", ADMIN_LOGIN, "password", ADMIN_PASSWORD);
	}

	/** A name unique in this run: letters, digits and underscores, starting with {@code prefix}. */
	public static String unique(String prefix) {
		return prefix + "_" + RUN + "_" + SEQUENCE.incrementAndGet();
	}

	/** Calls {@code /rest/ops/<verb>/<type>} as the System-Admin and expects success. */
	public Api.Reply asAdmin(String verb, String type, Map<String, Object> body) {
		Map<String, Object> withAuth = new java.util.HashMap<>(body);
		withAuth.put("auth", adminAuth());
		Api.Reply reply = this.api.post("/rest/ops/" + verb + "/" + type, withAuth);
		assertThat(reply.status()).as("%s %s: %s", verb, type, reply).isEqualTo(200);
		return reply;
	}

	public String newCompany() {
		String handle = unique("co");
		asAdmin("create", "company", Map.of("values", Map.of("id", handle, "name", "Company " + handle)));
		return handle;
	}

	/** A new enabled user of {@code company} holding the role called {@code role}. */
	public TestUser newUser(String company, String role) {
		String login = unique("user");
		String password = "pw-" + login + "-secret";
		Api.Reply reply = asAdmin("create", "user", Map.of("values",
				Map.of("login", login, "name", "Name of " + login, "password", password, "company", company, "role", role)));
		return new TestUser(reply.json().path("values").path(0).path("id").asLong(), login, password, company);
	}

	/** Creates an Auth Key for the user and answers the key, shown only this once. */
	public String newKey(long userId) {
		return asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", userId)))
			.json().path("values").path(0).path("token").asString();
	}

	/** Logs the user in and answers the session cookie's value. */
	public String login(TestUser user) {
		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()));
		assertThat(reply.status()).as("login: %s", reply).isEqualTo(200);
		return reply.sessionCookie().orElseThrow();
	}
}
