package com.gatehouse.gateway;

import java.security.Provider;
import java.util.function.Supplier;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that signs assertions. Amazon Corretto Crypto Provider (AWS-LC, native code its
 * jar ships for Linux x86-64) signs an ES256 assertion in about a sixth of Bouncy Castle's CPU here,
 * and the signature was the largest single cost of a forwarded call (docs/performance.md). Where it
 * cannot be loaded (another platform, a temporary directory that forbids executables) or fails its
 * self-tests, Bouncy Castle signs the same ES256, and the log says so once. Neither is registered with
 * the JDK: they serve only the assertion signer.
 */
final class SigningProvider {

	private static final Logger log = LoggerFactory.getLogger(SigningProvider.class);

	/** Chosen at the first signing, not at start: loading either costs time, and with the gateway off nothing signs. */
	private static final class Chosen {

		static final Provider PROVIDER = choose(SigningProvider::amazonCorretto);

	}

	private SigningProvider() {
	}

	static Provider get() {
		return Chosen.PROVIDER;
	}

	/** {@code preferred} if it can be had, else Bouncy Castle. */
	static Provider choose(Supplier<Provider> preferred) {
		try {
			Provider provider = preferred.get();
			log.info("gateway assertions signed by {} (native)", provider.getName());
			return provider;
		}
		catch (LinkageError | RuntimeException unavailable) {
			log.warn("gateway assertions: the native signer could not be loaded ({}); Bouncy Castle signs them instead, "
					+ "at several times the CPU per forwarded call", unavailable.toString());
			return new BouncyCastleProvider();
		}
	}

	private static Provider amazonCorretto() {
		AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
		Throwable notLoaded = provider.getLoadingError();
		if (notLoaded != null) {
			throw new IllegalStateException(notLoaded.toString(), notLoaded);
		}
		provider.assertHealthy();
		return provider;
	}
}
