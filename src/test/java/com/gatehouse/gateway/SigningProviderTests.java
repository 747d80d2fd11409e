package com.gatehouse.gateway;

import java.security.Provider;
import java.text.ParseException;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who signs the assertions: the native provider on this platform (Linux x86-64, as CI), Bouncy Castle
 * where the native one cannot be loaded; either way an ES256 signature that the JDK's own verifier,
 * as an upstream's JWT library would, accepts with the published public key.
 */
class SigningProviderTests {

	@Test
	void providerOnThisPlatformIsTheNativeOneAndItsSignaturesVerifyWithThePublicKey() throws Exception {
		Provider provider = SigningProvider.get();

		assertThat(provider.getName()).isEqualTo("AmazonCorrettoCryptoProvider");
		assertSignsVerifiableEs256(provider);
	}

	@Test
	void providerWhenTheNativeOneCannotBeLoadedThenBouncyCastleSignsTheSameEs256() throws Exception {
		Provider provider = SigningProvider.choose(() -> {
			throw new UnsatisfiedLinkError("no libamazonCorrettoCryptoProvider.so for this platform");
		});

		assertThat(provider).isInstanceOf(BouncyCastleProvider.class);
		assertSignsVerifiableEs256(provider);
	}

	@Test
	void providerWhenTheNativeOneFailsItsSelfTestsThenBouncyCastle() {
		Provider provider = SigningProvider.choose(() -> {
			throw new IllegalStateException("self-tests failed");
		});

		assertThat(provider).isInstanceOf(BouncyCastleProvider.class);
	}

	private static void assertSignsVerifiableEs256(Provider provider) throws JOSEException, ParseException {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
		JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
				new Payload("{\"sub\":\"7\"}"));

		signed.sign(SigningKeys.signer(new SigningKey(1, key, Instant.now()), provider));
		String[] parts = signed.serialize().split("\\.");
		JWSObject forged = JWSObject.parse(parts[0] + "." + new Payload("{\"sub\":\"8\"}").toBase64URL() + "." + parts[2]);

		assertThat(signed.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
		assertThat(forged.verify(new ECDSAVerifier(key.toECPublicKey()))).isFalse();
		assertThat(signed.getSignature().decode()).hasSize(64);
	}
}
