package com.gatehouse.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared-store counter behind every brute-force limit, on the suite's store (H2 or PostgreSQL). */
@GatehouseTest
class AbuseCountersTests {

	@Autowired
	AbuseCounters counters;

	@Test
	void hitWhenFiftyCallersRaceThenEachSeesItsOwnCount() throws Exception {
		String subject = Directory.unique("race");
		List<Callable<Long>> hits = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			hits.add(() -> this.counters.hit("test", subject, Duration.ofMinutes(10)).hits());
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Long> seen = new ArrayList<>();
		try {
			for (Future<Long> hit : pool.invokeAll(hits)) {
				seen.add(hit.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
		assertThat(this.counters.peek("test", subject, Duration.ofMinutes(10)).hits()).isEqualTo(50);
	}

	@Test
	void resetForgetsTheWindowAndKindsAreApart() {
		String subject = Directory.unique("reset");
		this.counters.hit("test", subject, Duration.ofMinutes(10));
		this.counters.hit("other", subject, Duration.ofMinutes(10));
		this.counters.reset("test", subject);
		assertThat(this.counters.peek("test", subject, Duration.ofMinutes(10)).hits()).isZero();
		assertThat(this.counters.peek("other", subject, Duration.ofMinutes(10)).hits()).isEqualTo(1);
		assertThat(this.counters.hit("test", subject, Duration.ofMinutes(10)).hits()).isEqualTo(1);
	}
}
