package com.gatehouse.authcache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static com.gatehouse.authcache.AuthConsistencyAcrossInstancesTests.warm;
import static com.gatehouse.authcache.AuthConsistencyAcrossInstancesTests.withKey;
import static com.gatehouse.authcache.CacheBound.awaitWithinBound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What happens when a signal does not arrive: a change no instance signalled (made in the database
 * directly, as an operator or another tool would) still reaches B within the cache's bound, and a
 * listener whose connection PostgreSQL ended connects again, clears its caches and hears the next
 * signal.
 */
@ClusterTest
class AuthCacheSignalTests {

	private static Cluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = Cluster.start(2);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whenAChangeIsNeverSignalledThenBSeesItWithinTheBound() throws SQLException {
		Directory onA = new Directory(cluster.api(0));
		TestUser user = onA.newUser(onA.newCompany(), "User");
		String key = onA.newKey(user.id());
		Api b = cluster.api(1);
		warm(b, key);
		double signals = meter("gatehouse.auth.cache.signals");
		double connects = meter("gatehouse.auth.cache.listener.connects");

		sql("UPDATE users SET enabled = FALSE WHERE id = ?", user.id());

		awaitWithinBound("unsignalled disable on B", () -> withKey(b, key), CacheBound::refused);
		assertThat(meter("gatehouse.auth.cache.signals")).as("no signal came").isEqualTo(signals);
		assertThat(meter("gatehouse.auth.cache.listener.connects")).as("the listener did not reconnect").isEqualTo(connects);
	}

	@Test
	void whenTheListenerConnectionIsEndedThenItReconnectsAndHearsTheNextChange() throws SQLException {
		double connects = meter("gatehouse.auth.cache.listener.connects");

		int ended = sql("""
				SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				WHERE application_name = 'gatehouse-auth-listener' AND datname = current_database()""");

		assertThat(ended).as("both instances' listeners").isEqualTo(2);
		awaitMeter("gatehouse.auth.cache.listener.connects", connects + 1, Duration.ofSeconds(5));
		Directory onA = new Directory(cluster.api(0));
		TestUser user = onA.newUser(onA.newCompany(), "User");
		Api.Reply created = onA.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id())));
		String key = created.json().path("values").path(0).path("token").asString();
		Api b = cluster.api(1);
		warm(b, key);
		double signals = meter("gatehouse.auth.cache.signals");

		onA.asAdmin("delete", "authinfo", Map.of("scope", Map.of("id", created.json().path("values").path(0).path("id").asLong())));

		awaitWithinBound("revocation on B", () -> withKey(b, key), CacheBound::refused);
		awaitMeter("gatehouse.auth.cache.signals", signals + 1, CacheBound.TOLERANCE);
	}

	/** A meter of instance B. */
	private static double meter(String name) {
		return cluster.instance(1).getBean(MeterRegistry.class).counter(name).count();
	}

	private static void awaitMeter(String name, double atLeast, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (meter(name) < atLeast) {
			if (System.nanoTime() > deadline) {
				fail("%s on B stayed at %s, below %s, for %s", name, meter(name), atLeast, limit);
			}
			Thread.onSpinWait();
		}
	}

	/** Runs a statement on the cluster's database behind the service's back; answers the rows it touched or returned. */
	private static int sql(String statement, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager.getConnection(cluster.databaseUrl());
				PreparedStatement sql = connection.prepareStatement(statement)) {
			for (int i = 0; i < parameters.length; i++) {
				sql.setObject(i + 1, parameters[i]);
			}
			if (!sql.execute()) {
				return sql.getUpdateCount();
			}
			int rows = 0;
			try (ResultSet result = sql.getResultSet()) {
				while (result.next()) {
					rows += result.getBoolean(1) ? 1 : 0;
				}
			}
			return rows;
		}
	}
}
