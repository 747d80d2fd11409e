package com.gatehouse.authkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The records of revoked keys (the console's greyed Tokens rows) are pruned once revoked longer ago
 * than the retention (90 days by default). Keys are revoked through the API; the revocations a test
 * moves into the past are its own user's, and the job runs at real time (or with the clock it is
 * handed), so no other test's records age out.
 */
@GatehouseTest
class RevokedKeyRetentionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RevokedKeyRetention retention;

	@Autowired
	RevokedKeyRepository repository;

	@Autowired
	AuthKeyProperties properties;

	@Autowired
	List<ScheduledTaskHolder> schedulers;

	Directory directory;

	@Test
	void pruneKeepsKeysRevokedWithinTheRetentionAndDeletesOlderOnes() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		long older = revokedKey(user, Duration.ofDays(90).plusHours(1));
		long younger = revokedKey(user, Duration.ofDays(89));
		long today = revokedKey(user, Duration.ZERO);

		this.retention.prune();
		assertThat(revokedOf(user)).containsExactly(today, younger);

		new RevokedKeyRetention(this.repository, this.properties, movedBy(Duration.ofDays(1).plusHours(1))).prune();
		assertThat(revokedOf(user)).containsExactly(today);
	}

	@Test
	void pruneFollowsTheRetentionSetting() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		long yearAgo = revokedKey(user, Duration.ofDays(365));
		long halfYearAgo = revokedKey(user, Duration.ofDays(180));

		new RevokedKeyRetention(this.repository, withRetention(Duration.ofDays(200)), Clock.systemUTC()).prune();

		assertThat(revokedOf(user)).containsExactly(halfYearAgo).doesNotContain(yearAgo);
	}

	@Test
	void retentionDefaultsTo90DaysAndMustBePositive() {
		assertThat(this.properties.revokedRetention()).isEqualTo(Duration.ofDays(90));
		assertThat(withRetention(null).revokedRetention()).isEqualTo(Duration.ofDays(90));
		assertThatIllegalArgumentException().isThrownBy(() -> withRetention(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> withRetention(Duration.ofDays(-1)));
	}

	@Test
	void pruneIsScheduledHourly() {
		assertThat(this.schedulers.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.anySatisfy((task) -> {
				assertThat(task).hasToString(RevokedKeyRetention.class.getName() + ".prune");
				assertThat(task.getTask()).isInstanceOfSatisfying(FixedDelayTask.class,
						(delay) -> assertThat(delay.getIntervalDuration()).isEqualTo(Duration.ofHours(1)));
			});
	}

	/** A key of {@code user} revoked through the API, its revocation then moved {@code ago} into the past. */
	private long revokedKey(TestUser user, Duration ago) {
		long id = this.directory.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id())))
			.json().path("values").path(0).path("id").asLong();
		this.directory.asAdmin("delete", "authinfo", Map.of("scope", Map.of("id", id)));
		this.jdbc.sql("UPDATE revoked_keys SET revoked_at = :at WHERE id = :id")
			.param("at", OffsetDateTime.ofInstant(Instant.now().minus(ago), ZoneOffset.UTC))
			.param("id", id)
			.update();
		return id;
	}

	/** The ids of the user's revoked keys still listed, the latest revoked first. */
	private List<Long> revokedOf(TestUser user) {
		return this.repository.find(user.id()).stream().map((revoked) -> revoked.key().id()).toList();
	}

	private AuthKeyProperties withRetention(Duration retention) {
		AuthKeyProperties p = this.properties;
		return new AuthKeyProperties(p.maxLifetime(), p.requireExpiry(), p.rotationGrace(), p.leakReportLimit(),
				p.leakReportWindow(), p.leakReportMaxKeys(), retention);
	}

	private static Clock movedBy(Duration offset) {
		return Clock.offset(Clock.systemUTC(), offset);
	}
}
