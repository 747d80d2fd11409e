package com.gatehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures made through the REST API as the bootstrap System-Admin: each call makes a fresh
 * company, user or key with a unique name, so tests sharing one store never meet.
 *
 * <p>The fixtures authenticate with an Auth Key of that admin, made at the first fixture call to a
 * service, not with its password: a password costs a hash and the login-failure bookkeeping at every
 * call, a key one cached lookup. {@link #adminAuth()} stays for the tests about the password itself.
 */
public final class Directory {

	public static final String ADMIN_LOGIN = "admin";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private static final Map<String, Object> ADMIN_ROW = Map.of("scope", Map.of("login", ADMIN_LOGIN));

	/**
	 * The admin's fixture key per service (base URL). Per service rather than per store: services
	 * that share a store each make one, which costs a row; a key made in one store never meets another.
	 */
	private static final Map<String, String> ADMIN_KEYS = new ConcurrentHashMap<>();

	private final Api api;

	public Directory(Api api) {
		this.api = api;
	}

	/** The bootstrap admin's username and password, for the tests about password authentication. */
	public static Map<String, Object> adminAuth() {
		return Map.of("type", "auth", "username", ADMIN_LOGIN, "password", ADMIN_PASSWORD);
	}

	/** A name unique in this run: letters, digits and underscores, starting with {@code prefix}. */
	public static String unique(String prefix) {
		return prefix + "_" + RUN + "_" + SEQUENCE.incrementAndGet();
	}

	/** Calls {@code /rest/ops/<verb>/<type>} as the System-Admin and expects success. */
	public Api.Reply asAdmin(String verb, String type, Map<String, Object> body) {
		Api.Reply reply = postAsAdmin("/rest/ops/" + verb + "/" + type, body);
		assertThat(reply.status()).as("%s %s: %s", verb, type, reply).isEqualTo(200);
		return reply;
	}

	/**
	 * POSTs {@code body} to {@code path} as the System-Admin, with its fixture key, and answers what
	 * the service answers. A 401 means the key is gone, not the call refused: a test revoked the
	 * admin's keys, moved the service's clock past the key's expiry, or another store now answers on
	 * the port; a new key is made and the call sent once more.
	 */
	public Api.Reply postAsAdmin(String path, Map<String, Object> body) {
		String key = adminKey();
		Api.Reply reply = post(path, body, keyAuth(key));
		if (reply.status() == 401) {
			ADMIN_KEYS.remove(this.api.base(), key);
			reply = post(path, body, keyAuth(adminKey()));
		}
		return reply;
	}

	/** The bootstrap System-Admin's user id. */
	public long adminId() {
		return idOf(asAdmin("read", "user", ADMIN_ROW));
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
		return new TestUser(idOf(reply), login, password, company);
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

	private String adminKey() {
		return ADMIN_KEYS.computeIfAbsent(this.api.base(), (base) -> issueAdminKey());
	}

	/**
	 * A new key of the bootstrap admin, made with its password. Without an expiry, so that it lives
	 * as long as the service's policy lets it (a service whose clock a test moves judges any expiry
	 * the suite could name by its own clock); with one day where the policy requires an expiry.
	 */
	private String issueAdminKey() {
		Api.Reply admin = post("/rest/ops/read/user", ADMIN_ROW, adminAuth());
		assertThat(admin.status()).as("the admin's id: %s", admin).isEqualTo(200);
		Map<String, Object> values = new HashMap<>(Map.of("contact_id", idOf(admin)));
		Api.Reply created = post("/rest/ops/create/authinfo", Map.of("values", values), adminAuth());
		if ("authinfo.expiry_required".equals(created.code())) {
			values.put("expires", Instant.now().plus(Duration.ofDays(1)).toString());
			created = post("/rest/ops/create/authinfo", Map.of("values", values), adminAuth());
		}
		assertThat(created.status()).as("the admin's fixture key: %s", created).isEqualTo(200);
		return created.json().path("values").path(0).path("token").asString();
	}

	private Api.Reply post(String path, Map<String, Object> body, Map<String, Object> auth) {
		Map<String, Object> withAuth = new HashMap<>(body);
		withAuth.put("auth", auth);
		return this.api.post(path, withAuth);
	}

	private static long idOf(Api.Reply reply) {
		return reply.json().path("values").path(0).path("id").asLong();
	}

	private static Map<String, Object> keyAuth(String key) {
		return Map.of("type", "auth", "subtype", "key", "key", key);
	}
}
