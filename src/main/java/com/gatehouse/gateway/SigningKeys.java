package com.gatehouse.gateway;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The assertion signing key, shared by every instance through the store: the first instance that
 * needs one makes it, and once it is older than {@code keyRotation} the first instance that notices
 * makes the next generation (the store's primary key lets only one win). Each instance re-reads the
 * keys every {@link #REFRESH}, so for that long after a rotation some instance may still sign with
 * the old key: an old public key stays published until {@code REFRESH} plus the assertion lifetime
 * after its successor was made, then it is deleted.
 */
@Component
final class SigningKeys {

	static final Duration REFRESH = Duration.ofSeconds(10);

	/**
	 * The signer's randomness, made once: without one Nimbus makes a new {@link SecureRandom} for
	 * every signature. Thread-safe; the same default algorithm as before.
	 */
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SigningKeyRepository repository;

	private final Clock clock;

	private final Duration rotation;

	private final Duration published;

	private volatile @Nullable Loaded loaded;

	SigningKeys(SigningKeyRepository repository, Clock clock, GatewayProperties properties) {
		this.repository = repository;
		this.clock = clock;
		this.rotation = properties.keyRotation();
		this.published = properties.assertionLifetime().plus(REFRESH);
	}

	/** The key to sign with now, and its signer. */
	Loaded current() {
		Instant now = this.clock.instant();
		Loaded keys = this.loaded;
		if (keys == null || !now.isBefore(keys.loadedAt().plus(REFRESH))) {
			keys = reload(now);
		}
		return keys;
	}

	/** The public keys that may have signed an assertion that is still valid. */
	JWKSet publicKeys() {
		return new JWKSet(current().published().stream().map((key) -> (JWK) key.jwk().toPublicJWK()).toList());
	}

	private synchronized Loaded reload(Instant now) {
		Loaded fresh = this.loaded;
		if (fresh != null && now.isBefore(fresh.loadedAt().plus(REFRESH))) {
			return fresh;
		}
		List<SigningKey> keys = this.repository.findAll();
		if (keys.isEmpty() || !now.isBefore(keys.get(0).createdAt().plus(this.rotation))) {
			int next = keys.isEmpty() ? 1 : keys.get(0).generation() + 1;
			this.repository.add(new SigningKey(next, generate(), now));
			keys = this.repository.findAll();
		}
		List<SigningKey> live = new ArrayList<>(List.of(keys.get(0)));
		for (int i = 1; i < keys.size() && now.isBefore(keys.get(i - 1).createdAt().plus(this.published)); i++) {
			live.add(keys.get(i));
		}
		if (live.size() < keys.size()) {
			this.repository.deleteOlderThan(live.get(live.size() - 1).generation());
		}
		fresh = new Loaded(keys.get(0), signer(keys.get(0), SigningProvider.get()), List.copyOf(live), now);
		this.loaded = fresh;
		return fresh;
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException unavailable) {
			throw new IllegalStateException("cannot make an EC P-256 key", unavailable);
		}
	}

	/**
	 * A signer over the provider's own form of the private key ({@link SigningProvider}): made once per
	 * key, so that the key is converted once and not on every signature. The signature is ES256 whoever
	 * makes it.
	 */
	static ECDSASigner signer(SigningKey key, Provider provider) {
		try {
			PrivateKey own = KeyFactory.getInstance("EC", provider)
				.generatePrivate(new PKCS8EncodedKeySpec(key.jwk().toPrivateKey().getEncoded()));
			ECDSASigner signer = new ECDSASigner(own, Curve.P_256);
			signer.getJCAContext().setProvider(provider);
			signer.getJCAContext().setSecureRandom(RANDOM);
			return signer;
		}
		catch (JOSEException | GeneralSecurityException unusable) {
			throw new IllegalStateException("signing key generation " + key.generation() + " is unusable", unusable);
		}
	}

	/** The keys as one instance last read them: the newest signs, {@code published} may have signed. */
	record Loaded(SigningKey newest, ECDSASigner signer, List<SigningKey> published, Instant loadedAt) {
	}
}
