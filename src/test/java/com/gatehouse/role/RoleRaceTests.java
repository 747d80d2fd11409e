package com.gatehouse.role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins changing the same role at the same moment on two instances. With the version they
 * read, the later of two overlapping changes is refused (409) and redone on what the first left,
 * so no change is lost; without it, each update still replaces the perms whole, one after the other.
 */
@ClusterTest
class RoleRaceTests {

	private static Cluster cluster;

	/** The System-Admin's key: an admin's password on every call would make each round wait for Argon2. */
	private static Map<String, Object> admin;

	@BeforeAll
	static void start() {
		cluster = Cluster.start(2);
		admin = Map.of("type", "auth", "key", new Directory(cluster.api(0)).newKey(1));
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whenTwoAdminsAddDifferentPermsWithTheVersionTheyReadThenNeitherChangeIsLost() {
		long role = created(Map.of("base", "yes"));
		int rounds = 8;
		int[] conflicts = new int[1];

		for (int round = 0; round < rounds; round++) {
			String perm = "p" + round;
			List<Callable<Integer>> admins = List.of(() -> grantRetrying(0, role, perm + "_a"),
					() -> grantRetrying(1, role, perm + "_b"));
			Race.run(admins).forEach((tries) -> conflicts[0] += tries - 1);
		}

		Map<String, String> perms = RoleCalls.perms(read(0, role));
		assertThat(perms).hasSize(1 + 2 * rounds).containsEntry("base", "yes");
		for (int round = 0; round < rounds; round++) {
			assertThat(perms).containsEntry("p" + round + "_a", "yes").containsEntry("p" + round + "_b", "company");
		}
		System.out.printf("role race: %d rounds, %d updates refused as stale and redone%n", rounds, conflicts[0]);
	}

	@Test
	void whenTwoAdminsReplaceThePermsWithoutAVersionThenOneWholeSetWins() {
		long role = created(Map.of("base", "yes"));

		for (int round = 0; round < 8; round++) {
			Map<String, String> first = Map.of("base", "yes", "first" + round, "yes", "shared", "yes");
			Map<String, String> second = Map.of("base", "yes", "second" + round, "company", "shared", "company");
			List<Api.Reply> replies = Race.run(List.of(() -> update(0, role, first, null), () -> update(1, role, second, null)));

			replies.forEach((reply) -> assertThat(reply.status()).as("%s", reply).isEqualTo(200));
			assertThat(RoleCalls.perms(read(round % 2, role))).isIn(first, second);
		}
	}

	/** Reads the role, adds {@code perm} and writes it back with the version read, until it is not stale; answers the tries. */
	private static int grantRetrying(int instance, long role, String perm) {
		for (int tries = 1; tries <= 20; tries++) {
			JsonNode row = read(instance, role);
			Map<String, String> perms = new HashMap<>(RoleCalls.perms(row));
			perms.put(perm, perm.endsWith("_a") ? "yes" : "company");
			Api.Reply reply = update(instance, role, perms, row.path("version").asString());
			if (reply.status() == 200) {
				return tries;
			}
			assertThat(reply.status()).as("%s", reply).isEqualTo(409);
			assertThat(reply.code()).isEqualTo("role.changed");
		}
		throw new AssertionError("20 stale updates in a row");
	}

	private static long created(Map<String, String> perms) {
		Api.Reply reply = new RoleCalls(cluster.api(0)).create(admin, Map.of("name", Directory.unique("Role"), "perms", perms));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0).path("id").asLong();
	}

	private static JsonNode read(int instance, long role) {
		Api.Reply reply = new RoleCalls(cluster.api(instance)).call(admin, "read",
				Map.of("scope", Map.of("id", role)));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values").path(0);
	}

	private static Api.Reply update(int instance, long role, Map<String, String> perms, @Nullable String version) {
		Map<String, Object> values = new HashMap<>(Map.of("perms", perms));
		if (version != null) {
			values.put("version", version);
		}
		return new RoleCalls(cluster.api(instance)).call(admin, "update",
				Map.of("scope", Map.of("id", role), "values", values));
	}
}
