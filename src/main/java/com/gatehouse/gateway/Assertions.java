package com.gatehouse.gateway;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;

/**
 * Makes the {@code X-Gatehouse-Assertion} of a call (issue 11): an ES256 JWT about the caller
 * ({@code sub} the user id, {@code login}, {@code company}, {@code perms}), bound to the one
 * {@code method} and {@code path} it was issued for, with {@code iat}, {@code exp} (the assertion
 * lifetime, at most 60 s) and a unique {@code jti}, verifiable with {@code /.well-known/jwks.json}.
 */
@Component
final class Assertions {

	private final SigningKeys keys;

	private final Clock clock;

	private final Duration lifetime;

	/**
	 * The newest key's header, parsed from its own serialization so that Nimbus reuses that form
	 * instead of writing the same JSON again for every assertion; it changes only with the key.
	 */
	private volatile @Nullable JWSHeader header;

	Assertions(SigningKeys keys, Clock clock, GatewayProperties properties) {
		this.keys = keys;
		this.clock = clock;
		this.lifetime = properties.assertionLifetime();
	}

	String issue(Caller caller, String method, String path) {
		SigningKeys.Loaded key = this.keys.current();
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(caller.userId()))
			.claim("login", caller.login())
			.claim("company", caller.company())
			.claim("perms", caller.perms().asJson())
			.claim("method", method)
			.claim("path", path)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(headerFor(key.newest().jwk().getKeyID()), claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException failed) {
			throw new IllegalStateException("cannot sign an assertion", failed);
		}
		return jwt.serialize();
	}

	private JWSHeader headerFor(String keyId) {
		JWSHeader cached = this.header;
		if (cached != null && keyId.equals(cached.getKeyID())) {
			return cached;
		}
		JWSHeader built = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(keyId).build();
		try {
			cached = JWSHeader.parse(built.toBase64URL());
		}
		catch (ParseException unreadable) {
			throw new IllegalStateException("cannot read back an assertion header", unreadable);
		}
		this.header = cached;
		return cached;
	}
}
