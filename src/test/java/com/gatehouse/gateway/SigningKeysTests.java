package com.gatehouse.gateway;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.gatehouse.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assertion signing key against the shipped migrations (a database of this test's own, in
 * memory): made once and shared by instances, rotated when old, and the old public key published
 * until the assertions it signed have expired, then deleted.
 */
class SigningKeysTests {

	private static final Duration ROTATION = Duration.ofHours(1);

	private static final Duration LIFETIME = Duration.ofSeconds(60);

	MutableClock clock = new MutableClock();

	SigningKeyRepository repository;

	@BeforeEach
	void setUp() {
		DriverManagerDataSource store = new DriverManagerDataSource("jdbc:h2:mem:signing-keys-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(store).locations("classpath:db/migration").load().migrate();
		this.repository = new SigningKeyRepository(JdbcClient.create(store));
	}

	@Test
	void keyWhenTwoInstancesStartThenBothSignWithTheOneKeyTheFirstMade() {
		SigningKeys first = instance();
		SigningKeys second = instance();

		String kid = first.current().newest().jwk().getKeyID();

		assertThat(second.current().newest().jwk().getKeyID()).isEqualTo(kid);
		assertThat(this.repository.findAll()).hasSize(1);
		assertThat(second.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(kid);
		assertThat(second.publicKeys().getKeys().get(0).isPrivate()).isFalse();
	}

	@Test
	void keyWhenOlderThanTheRotationThenReplacedAndTheOldOnePublishedUntilItsAssertionsExpired() {
		SigningKeys keys = instance();
		String old = keys.current().newest().jwk().getKeyID();

		this.clock.advance(ROTATION.plusSeconds(1));
		String fresh = keys.current().newest().jwk().getKeyID();
		List<String> during = keys.publicKeys().getKeys().stream().map(JWK::getKeyID).toList();
		this.clock.advance(LIFETIME.plus(SigningKeys.REFRESH).plusSeconds(1));
		List<String> after = keys.publicKeys().getKeys().stream().map(JWK::getKeyID).toList();

		assertThat(fresh).isNotEqualTo(old);
		assertThat(during).containsExactly(fresh, old);
		assertThat(after).containsExactly(fresh);
		assertThat(this.repository.findAll()).extracting(SigningKey::generation).containsExactly(2);
	}

	@Test
	void signerWhenMadeThenSignsWithTheChosenProvider() {
		assertThat(instance().current().signer().getJCAContext().getProvider()).isSameAs(SigningProvider.get());
	}

	private SigningKeys instance() {
		return new SigningKeys(this.repository, this.clock,
				new GatewayProperties(null, null, null, null, LIFETIME, ROTATION, null, null));
	}
}
