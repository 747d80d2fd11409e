package com.gatehouse.gateway;

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
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
			.keyID(key.newest().jwk().getKeyID())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException failed) {
			throw new IllegalStateException("cannot sign an assertion", failed);
		}
		return jwt.serialize();
	}
}
