package com.gatehouse.authcache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gatehouse.ClusterTest;
import com.gatehouse.TestUser;

import static com.gatehouse.authcache.AuthCalls.withKey;
import static com.gatehouse.authcache.CacheBound.awaitWithinBound;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens when a signal does not arrive: a change no instance signalled (made in the database
 * directly, as an operator or another tool would) still reaches B within the cache's bound, and a
 * listener whose connection PostgreSQL ended connects again, clears its caches and hears the next
 * signal.
 */
@ClusterTest
class AuthCacheSignalTests extends TwoInstances {

	private static final String SIGNALS = "gatehouse.auth.cache.signals";

	private static final String CONNECTS = "gatehouse.auth.cache.listener.connects";

	/**
	 * The listeners connect in the background after the instances start: a baseline read before B's
	 * first connection would take that connection for the reconnection awaited below, and a change
	 * made while B then waits to reconnect is never signalled to it.
	 */
	@BeforeEach
	void listenersConnected() throws InterruptedException {
		cluster.awaitCounter(0, CONNECTS, 1, Duration.ofSeconds(10));
		cluster.awaitCounter(1, CONNECTS, 1, Duration.ofSeconds(10));
	}

	@Test
	void whenAChangeIsNeverSignalledThenBSeesItWithinTheBound() throws SQLException {
		TestUser user = newUserOnA();
		String key = onA().newKey(user.id());
		warmOnB(key);
		double signals = meterOfB(SIGNALS);
		double connects = meterOfB(CONNECTS);

		sql("UPDATE users SET enabled = FALSE WHERE id = ?", user.id());

		awaitWithinBound("unsignalled disable on B", () -> withKey(b(), key), CacheBound::refused);
		assertThat(meterOfB(SIGNALS)).as("no signal came").isEqualTo(signals);
		assertThat(meterOfB(CONNECTS)).as("the listener did not reconnect").isEqualTo(connects);
	}

	@Test
	void whenTheListenerConnectionIsEndedThenItReconnectsAndHearsTheNextChange() throws SQLException, InterruptedException {
		double connects = meterOfB(CONNECTS);

		int ended = sql("""
				SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				WHERE application_name = 'gatehouse-auth-listener' AND datname = current_database()""");

		assertThat(ended).as("both instances' listeners").isEqualTo(2);
		cluster.awaitCounter(1, CONNECTS, connects + 1, Duration.ofSeconds(5));
		IssuedKey key = IssuedKey.issue(onA(), newUserOnA().id());
		warmOnB(key.token());
		double signals = meterOfB(SIGNALS);

		key.revoke(onA());

		cluster.awaitCounter(1, SIGNALS, signals + 1, CacheBound.BOUND.plus(CacheBound.TOLERANCE));
		awaitWithinBound("revocation on B", () -> withKey(b(), key.token()), CacheBound::refused);
	}

	/**
	 * Runs a statement on the cluster's database behind the service's back; answers the rows it
	 * changed, or for a query the rows whose first column is true.
	 */
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
