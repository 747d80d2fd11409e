package com.gatehouse.user;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The hash itself, at the cost production uses unless told otherwise (OWASP's Argon2id, m=19 MiB,
 * t=2, p=1) and at the suite's low test-only cost: a stored hash names its own parameters in the PHC
 * string, so a password hashed at one cost verifies under a hasher set to another.
 */
class PasswordHasherTests {

	private static final String PASSWORD = "correct horse battery staple";

	@Test
	void hashWithoutSettingsIsArgon2idAtOwaspParametersInPhcFormat() {
		String hash = hasher(null, 0).hash(PASSWORD);

		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
	}

	@Test
	void hashWithLowerCostSettingsNamesThemInThePhcString() {
		String hash = hasher(DataSize.ofKilobytes(8), 1).hash(PASSWORD);

		assertThat(hash).startsWith("$argon2id$v=19$m=8,t=1,p=1$");
	}

	@Test
	void hashVerifiesUnderAHasherSetToAnotherCost() {
		PasswordHasher real = hasher(null, 0);
		PasswordHasher cheap = hasher(DataSize.ofKilobytes(8), 1);

		assertThat(cheap.matches(PASSWORD, real.hash(PASSWORD))).isTrue();
		assertThat(real.matches(PASSWORD, cheap.hash(PASSWORD))).isTrue();
		assertThat(real.matches("not " + PASSWORD, cheap.hash(PASSWORD))).isFalse();
	}

	@Test
	void matchesWithoutAStoredHashIsFalse() {
		assertThat(hasher(DataSize.ofKilobytes(8), 1).matches(PASSWORD, null)).isFalse();
	}

	@Test
	void costBelowArgon2sFloorIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(DataSize.ofKilobytes(7), 2))
			.withMessageContaining("hash-memory must be at least 8KB");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(DataSize.ofMegabytes(19), -1))
			.withMessageContaining("hash-iterations must be at least 1");
	}

	private static PasswordHasher hasher(DataSize memory, int iterations) {
		return new PasswordHasher(properties(memory, iterations));
	}

	private static PasswordProperties properties(DataSize memory, int iterations) {
		return new PasswordProperties(1, Duration.ofSeconds(5), 0, null, memory, iterations);
	}
}
