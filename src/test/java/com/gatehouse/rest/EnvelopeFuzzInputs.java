package com.gatehouse.rest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.FuzzCorpus;
import com.gatehouse.Fuzzing;

import static com.gatehouse.rest.ReaderContract.JSON;

/**
 * What the {@link RestRequestReader} fuzz tests feed the reader: random bytes biased towards those that
 * matter to JSON and UTF-8, JSON objects shaped like the envelope, mutations of the committed corpus
 * under {@code fuzz/envelope/}, content types, strings and JSON values of every kind.
 */
final class EnvelopeFuzzInputs {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> MEMBERS = List.of("type", "scope", "columns", "values", "order", "auth");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-16",
			"text/plain", "text/plain;charset=ISO-8859-1", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "*/*", "", "application/json;charset=nonsense");

	private static final byte[] INTERESTING_BYTES = { 0, '"', '\\', '{', '}', '[', ']', ':', ',', '\r', '\n', 'u',
			'0', '-', 'e', (byte) 0xC3, (byte) 0xED, (byte) 0xEF, (byte) 0xFE, (byte) 0xFF, (byte) 0x80 };

	private static final List<String> INTERESTING_STRINGS = List.of("", "company", "auth", "\u0000", "\r\n", "\"",
			"\\", "\u2028", "\uFEFF", "\uD83D\uDE00", "\u202E", "a".repeat(300));

	static final List<Named<byte[]>> CORPUS = FuzzCorpus.entries("envelope");

	private EnvelopeFuzzInputs() {
	}

	/** A JSON object whose members are mostly the envelope's, holding values of any kind, sometimes damaged. */
	static byte[] envelopeShaped(Random random) {
		ObjectNode body = NODES.objectNode();
		for (int i = random.nextInt(8); i > 0; i--) {
			String name = random.nextInt(7) > 0 ? Fuzzing.oneOf(random, MEMBERS)
					: Fuzzing.oneOf(random, "username", "password", "key", "", string(random));
			body.set(name, random.nextInt(4) > 0 ? json(random, 3) : authShaped(random));
		}
		byte[] json = JSON.writeValueAsBytes(body);
		return random.nextInt(4) > 0 ? json : mutate(json, random);
	}

	private static ObjectNode authShaped(Random random) {
		ObjectNode block = NODES.objectNode();
		for (int i = random.nextInt(6); i > 0; i--) {
			block.set(Fuzzing.oneOf(random, "type", "username", "password", "key", "x"),
					random.nextInt(4) > 0 ? NODES.stringNode(string(random)) : json(random, 2));
		}
		return block;
	}

	/** A few of the mutations a coverage-blind fuzzer applies: flip, insert, delete, truncate, repeat. */
	static byte[] mutate(byte[] seed, Random random) {
		List<Byte> bytes = new ArrayList<>(seed.length + 16);
		for (byte b : seed) {
			bytes.add(b);
		}
		for (int mutations = 1 + random.nextInt(4); mutations > 0; mutations--) {
			int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
			switch (random.nextInt(5)) {
				case 0 -> {
					if (!bytes.isEmpty()) {
						bytes.set(at, (byte) random.nextInt(256));
					}
				}
				case 1 -> bytes.add(at, INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]);
				case 2 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(8))).clear();
				case 3 -> bytes.subList(at, bytes.size()).clear();
				default -> bytes.addAll(at,
						new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(32)))));
			}
		}
		byte[] mutated = new byte[bytes.size()];
		for (int i = 0; i < mutated.length; i++) {
			mutated[i] = bytes.get(i);
		}
		return mutated;
	}

	/** Random bytes, a third of them drawn from the bytes that matter to JSON and UTF-8. */
	static byte[] bytes(Random random, int max) {
		byte[] bytes = new byte[Fuzzing.length(random, max)];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (random.nextInt(3) == 0) ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
					: (byte) random.nextInt(256);
		}
		return bytes;
	}

	static String contentType(Random random) {
		return (random.nextInt(4) > 0) ? Fuzzing.oneOf(random, CONTENT_TYPES) : string(random);
	}

	/** A string of Unicode scalar values (no lone surrogates: those cannot be sent as UTF-8). */
	static String string(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> Fuzzing.oneOf(random, INTERESTING_STRINGS);
			case 1 -> {
				StringBuilder ascii = new StringBuilder();
				for (int i = Fuzzing.length(random, 20); i > 0; i--) {
					ascii.append((char) random.nextInt(0x80));
				}
				yield ascii.toString();
			}
			default -> {
				StringBuilder any = new StringBuilder();
				for (int i = Fuzzing.length(random, 12); i > 0; i--) {
					int codePoint = random.nextBoolean() ? random.nextInt(0x800) : random.nextInt(Character.MAX_CODE_POINT + 1);
					any.appendCodePoint(Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? 0xFFFD : codePoint);
				}
				yield any.toString();
			}
		};
	}

	static @Nullable String nullableString(Random random) {
		return (random.nextInt(4) == 0) ? null : string(random);
	}

	static List<String> stringList(Random random) {
		List<String> strings = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			strings.add(string(random));
		}
		return List.copyOf(strings);
	}

	/** Any JSON value, containers nested at most {@code depth} deep. */
	static JsonNode json(Random random, int depth) {
		return switch (random.nextInt((depth > 0) ? 9 : 7)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(random.nextBoolean());
			case 2 -> NODES.numberNode(random.nextInt());
			case 3 -> NODES.numberNode(random.nextLong());
			case 4 -> NODES.numberNode(new BigInteger(64 + random.nextInt(200), random).add(BigInteger.TWO.pow(63))
				.multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
			case 5 -> NODES.numberNode(finiteDouble(random));
			case 6 -> NODES.stringNode(string(random));
			case 7 -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					array.add(json(random, depth - 1));
				}
				yield array;
			}
			default -> object(random, depth - 1);
		};
	}

	static ObjectNode object(Random random, int depth) {
		ObjectNode object = NODES.objectNode();
		for (int i = random.nextInt(4); i > 0; i--) {
			object.set(string(random), json(random, depth));
		}
		return object;
	}

	private static double finiteDouble(Random random) {
		double value = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * 1000;
		return Double.isFinite(value) ? value : 0.5;
	}

	static @Nullable JsonNode stringArray(@Nullable List<String> strings) {
		if (strings == null) {
			return null;
		}
		ArrayNode array = NODES.arrayNode();
		strings.forEach(array::add);
		return array;
	}

	static ObjectNode authBlock(RestAuth auth) {
		ObjectNode block = NODES.objectNode();
		block.put("type", auth.type());
		block.put("username", auth.username());
		block.put("password", auth.password());
		block.put("key", auth.key());
		return block;
	}
}
