package com.gatehouse;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Property checks for the fuzz tests, on plain JUnit: each property draws a bounded number of inputs
 * from a {@link Random} with a fixed seed, so every run tries the same inputs and a failure names the
 * seed, the case and the input (escaped) to replay it. It neither shrinks nor steers by coverage; the
 * committed {@link FuzzCorpus} and the generators' bias towards interesting values make up for part
 * of that.
 */
public final class Fuzzing {

	private static final int SHOWN = 600;

	private Fuzzing() {
	}

	/** A property over one input. */
	@FunctionalInterface
	public interface Property<T> {

		void check(T input) throws Exception;
	}

	/** Checks {@code property} for {@code cases} inputs drawn by {@code generator} from {@code seed}. */
	public static <T> void forAll(long seed, int cases, Function<Random, T> generator, Property<T> property) {
		Random random = new Random(seed);
		for (int i = 0; i < cases; i++) {
			T input = generator.apply(random);
			try {
				property.check(input);
			}
			catch (Exception | AssertionError failure) {
				throw new AssertionError("case " + i + " of seed " + seed + " fails for: " + printable(input), failure);
			}
		}
	}

	/** One of {@code values}. */
	@SafeVarargs
	public static <T> T oneOf(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	public static <T> T oneOf(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** A length from 0 to {@code max}, mostly short: half the draws are at most a tenth of it. */
	public static int length(Random random, int max) {
		return random.nextBoolean() ? random.nextInt(max / 10 + 1) : random.nextInt(max + 1);
	}

	/** The input as text a person can read in a failure: non-printable and non-ASCII characters escaped. */
	public static String printable(Object input) {
		String text = (input instanceof byte[] bytes) ? latin1(bytes) : String.valueOf(input);
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < text.length() && shown.length() < SHOWN; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7F && c != '\\') {
				shown.append(c);
			}
			else {
				shown.append(String.format("\\u%04x", (int) c));
			}
		}
		return (shown.length() < SHOWN) ? shown.toString() : shown + "... (" + text.length() + " chars)";
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}
}
