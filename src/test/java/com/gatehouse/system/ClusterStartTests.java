package com.gatehouse.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Cluster;
import com.gatehouse.ClusterTest;
import com.gatehouse.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances started together on one empty database, as a first deployment or an upgrade
 * does: the schema is migrated exactly once, every instance serves, and what one writes the
 * others read.
 */
@ClusterTest
class ClusterStartTests {

	@Test
	void whenInstancesStartTogetherOnAnEmptyDatabaseThenMigrationsRunOnceAndAllServe() throws Exception {
		try (Cluster cluster = Cluster.start(3)) {
			try (Connection connection = DriverManager.getConnection(cluster.databaseUrl());
					ResultSet applied = connection.createStatement()
						.executeQuery("SELECT version, count(*) FROM flyway_schema_history WHERE success GROUP BY version"
								+ " HAVING count(*) > 1")) {
				assertThat(applied.next()).as("a migration applied twice").isFalse();
			}
			String company = new Directory(cluster.api(0)).newCompany();
			for (int i = 0; i < cluster.size(); i++) {
				Api.Reply read = cluster.api(i)
					.post("/rest/ops/read/company", Map.of("auth", Directory.adminAuth(), "scope", Map.of("company", company)));
				assertThat(read.status()).as("instance %d: %s", i, read).isEqualTo(200);
				assertThat(read.json().path("values").has(company)).as("instance %d: %s", i, read).isTrue();
			}
		}
	}
}
