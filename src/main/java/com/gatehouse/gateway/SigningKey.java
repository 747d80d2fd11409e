package com.gatehouse.gateway;

import java.time.Instant;

import com.nimbusds.jose.jwk.ECKey;

/** One generation of the assertion signing key: an EC P-256 key pair (ES256). It holds a private key: never printed. */
record SigningKey(int generation, ECKey jwk, Instant createdAt) {

	@Override
	public String toString() {
		return "SigningKey[generation=" + this.generation + ", kid=" + this.jwk.getKeyID() + ", private key=[PROTECTED]]";
	}
}
