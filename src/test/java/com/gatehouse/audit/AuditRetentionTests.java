package com.gatehouse.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
 * Events older than the retention (90 days by default) are pruned by a scheduled job. Time is moved
 * with clocks handed to the trail and the job, never by sleeping; the events a test plants in the
 * past belong to its own user, and no clock moves far enough to prune another test's events.
 */
@GatehouseTest
class AuditRetentionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditRetention retention;

	@Autowired
	AuditRepository repository;

	@Autowired
	AuditProperties properties;

	@Autowired
	List<ScheduledTaskHolder> schedulers;

	Directory directory;

	AuditReads audit;

	@Test
	void pruneKeepsEventsYoungerThanTheRetentionAndDeletesOlderOnes() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String created = details(user).get(0);
		plant(user, "older", Duration.ofDays(89).plusHours(12));
		plant(user, "younger", Duration.ofDays(88));

		this.retention.prune();
		assertThat(details(user)).containsExactly(created, "younger", "older");

		new AuditRetention(this.repository, this.properties, movedBy(Duration.ofDays(1))).prune();
		assertThat(details(user)).containsExactly(created, "younger");

		new AuditRetention(this.repository, this.properties, movedBy(Duration.ofDays(2).plusHours(1))).prune();
		assertThat(details(user)).containsExactly(created);
	}

	@Test
	void pruneFollowsTheRetentionSetting() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String created = details(user).get(0);
		plant(user, "a year ago", Duration.ofDays(365));
		plant(user, "half a year ago", Duration.ofDays(180));

		new AuditRetention(this.repository, new AuditProperties(Duration.ofDays(200), false), Clock.systemUTC()).prune();

		assertThat(details(user)).containsExactly(created, "half a year ago");
	}

	@Test
	void retentionDefaultsTo90DaysAndMustBePositive() {
		assertThat(this.properties.retention()).isEqualTo(Duration.ofDays(90));
		assertThat(new AuditProperties(null, false).retention()).isEqualTo(Duration.ofDays(90));
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditProperties(Duration.ZERO, false));
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditProperties(Duration.ofDays(-1), false));
	}

	@Test
	void pruneIsScheduled() {
		assertThat(this.schedulers.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.anySatisfy((task) -> {
				assertThat(task).hasToString(AuditRetention.class.getName() + ".prune");
				assertThat(task.getTask()).isInstanceOfSatisfying(FixedDelayTask.class,
						(delay) -> assertThat(delay.getIntervalDuration()).isEqualTo(Duration.ofHours(1)));
			});
	}

	/** Writes an event about {@code user} as the trail would have written it {@code ago}. */
	private void plant(TestUser user, String detail, Duration ago) {
		new AuditTrail(this.jdbc, movedBy(ago.negated()), this.properties)
			.record(AuditEntry.of("user.updated", detail).about(user.id(), user.login(), user.company()));
	}

	private List<String> details(TestUser user) {
		return this.audit.about(user.id()).stream().map((row) -> row.path("detail").asString()).toList();
	}

	private static Clock movedBy(Duration offset) {
		return Clock.offset(Clock.systemUTC(), offset);
	}
}
