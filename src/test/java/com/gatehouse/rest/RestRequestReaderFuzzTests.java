package com.gatehouse.rest;

import org.junit.jupiter.api.Test;

import com.gatehouse.Fuzzing;
import com.gatehouse.rest.ReaderContract.Input;

import static com.gatehouse.rest.EnvelopeFuzzInputs.CORPUS;
import static com.gatehouse.rest.EnvelopeFuzzInputs.bytes;
import static com.gatehouse.rest.EnvelopeFuzzInputs.envelopeShaped;
import static com.gatehouse.rest.EnvelopeFuzzInputs.mutate;

/**
 * Fuzzes {@link RestRequestReader}, the first code that touches an untrusted body, against its
 * {@link ReaderContract}: any bytes, JSON shaped like the envelope, and mutations of the committed
 * corpus, each under a random content type and declared length, at the shipped or a tiny limit.
 *
 * <p>Each property draws a bounded number of inputs from a fixed seed ({@link Fuzzing}), so every run
 * tries the same inputs in a few seconds. The committed corpus under {@code fuzz/envelope/} is the seed
 * pool of the mutating property; {@link RestRequestReaderCorpusTests} replays it as it is.
 */
class RestRequestReaderFuzzTests {

	@Test
	void readWhenAnyBytesThenRequestOrBadRequestOrTooLarge() {
		Fuzzing.forAll(4711, 4000, (random) -> Input.of(random, bytes(random, 600)),
				ReaderContract::assertContract);
	}

	@Test
	void readWhenEnvelopeShapedJsonThenRequestOrBadRequestOrTooLarge() {
		Fuzzing.forAll(4712, 4000, (random) -> Input.of(random, envelopeShaped(random)),
				ReaderContract::assertContract);
	}

	@Test
	void readWhenCorpusEntryMutatedThenRequestOrBadRequestOrTooLarge() {
		Fuzzing.forAll(4713, 4000,
				(random) -> Input.of(random, mutate(Fuzzing.oneOf(random, CORPUS).getPayload(), random)),
				ReaderContract::assertContract);
	}
}
