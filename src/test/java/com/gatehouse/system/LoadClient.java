package com.gatehouse.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.TestUser;

/**
 * One client of the load test: a user with its Auth Key, the sessions it logged into and the keys
 * it made, calling whichever instance comes next, so a session made on one instance is used on the
 * other. Each call's answer is checked against the one status it must have; {@link LoadTally}
 * counts them.
 */
final class LoadClient {

	/** A client holds at most this many sessions, so the user's clients stay under the per-user cap. */
	static final int MAX_SESSIONS = 3;

	private static final Map<String, Object> EMPTY = Map.of();

	private final TestUser user;

	private final String key;

	private final LoadTally tally;

	private final List<Session> sessions = new ArrayList<>();

	private final List<Key> keys = new ArrayList<>();

	private final List<String> revokedKeys = new ArrayList<>();

	private int turn;

	LoadClient(TestUser user, String key, LoadTally tally, int first) {
		this.user = user;
		this.key = key;
		this.tally = tally;
		this.turn = first;
	}

	/** One call, chosen at random from a mix of mostly reads, with few (slow) logins and some writes. */
	void act() {
		int instance = (this.turn++) % this.tally.instances();
		double dice = ThreadLocalRandom.current().nextDouble();
		if (dice < 0.03 && this.sessions.size() < MAX_SESSIONS && this.tally.tryLogin()) {
			try {
				login(instance);
			}
			finally {
				this.tally.loginDone();
			}
		}
		else if (dice < 0.035 && !this.sessions.isEmpty()) {
			logout();
		}
		else if (dice < 0.05) {
			createKey(instance);
		}
		else if (dice < 0.06 && !this.keys.isEmpty()) {
			revokeKey();
		}
		else if (dice < 0.55 && !this.sessions.isEmpty()) {
			cookieRead();
		}
		else {
			keyRead(instance);
		}
	}

	private void login(int instance) {
		Api.Reply reply = this.tally.call(LoadTally.Kind.LOGIN, 200,
				() -> api(instance).post("/rest/auth/", Map.of("auth", this.user.auth())));
		if (reply != null) {
			this.sessions.add(new Session(reply.sessionCookie().orElseThrow(), instance));
		}
	}

	private void logout() {
		Session session = this.sessions.remove(0);
		this.tally.call(LoadTally.Kind.LOGOUT, 200, () -> api(other(session.madeOn()))
			.postWithCookie("/rest/auth/logout", Map.of("auth", Map.of("type", "auth")), session.cookie()));
	}

	private void cookieRead() {
		Session session = this.sessions.get(ThreadLocalRandom.current().nextInt(this.sessions.size()));
		Api api = api(other(session.madeOn()));
		if (ThreadLocalRandom.current().nextBoolean()) {
			this.tally.call(LoadTally.Kind.COOKIE_READ, 200, () -> api.postWithCookie("/rest/auth/", EMPTY, session.cookie()));
		}
		else {
			this.tally.call(LoadTally.Kind.COOKIE_READ, 200,
					() -> api.postWithCookie("/rest/ops/read/session", EMPTY, session.cookie()));
		}
	}

	private void keyRead(int instance) {
		String secret = (this.keys.isEmpty() || ThreadLocalRandom.current().nextBoolean()) ? this.key
				: this.keys.get(ThreadLocalRandom.current().nextInt(this.keys.size())).token();
		String path = ThreadLocalRandom.current().nextBoolean() ? "/rest/auth/" : "/rest/ops/read/authinfo";
		this.tally.call(LoadTally.Kind.KEY_READ, 200,
				() -> api(instance).post(path, EMPTY, "Authorization", "token auth=" + secret));
	}

	private void createKey(int instance) {
		Api.Reply reply = this.tally.call(LoadTally.Kind.KEY_CREATE, 200, () -> api(instance).post("/rest/ops/create/authinfo",
				Map.of("values", Map.of("contact_id", this.user.id())), "Authorization", "token auth=" + this.key));
		if (reply != null) {
			JsonNode row = reply.json().path("values").path(0);
			this.keys.add(new Key(row.path("token").asString(), row.path("id").asLong()));
		}
	}

	private void revokeKey() {
		Key revoked = this.keys.remove(0);
		Api.Reply reply = this.tally.call(LoadTally.Kind.KEY_REVOKE, 200, () -> api(this.turn % this.tally.instances())
			.post("/rest/ops/delete/authinfo", Map.of("scope", Map.of("id", revoked.id())), "Authorization",
					"token auth=" + this.key));
		if (reply != null) {
			this.revokedKeys.add(revoked.token());
		}
	}

	private Api api(int instance) {
		return this.tally.api(instance);
	}

	private int other(int instance) {
		return (instance + 1) % this.tally.instances();
	}

	String key() {
		return this.key;
	}

	LoadTally tally() {
		return this.tally;
	}

	List<String> liveSessions() {
		return this.sessions.stream().map(Session::cookie).toList();
	}

	List<String> liveKeys() {
		return this.keys.stream().map(Key::token).toList();
	}

	List<String> revokedKeys() {
		return this.revokedKeys;
	}

	/** A session this client logged into, and the instance it logged in on. */
	private record Session(String cookie, int madeOn) {
	}

	/** A key this client made for its user. */
	private record Key(String token, long id) {
	}
}
