package com.gatehouse.rest;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.FuzzCorpus;
import com.gatehouse.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link RestRequestReader}, the first code that touches an untrusted body. Whatever the
 * bytes, the declared length and the content type, it answers a {@link RestRequest} or refuses with
 * a {@link RestFailure} of 400 (a member of the wrong JSON kind) or 413 (over the limit); any other
 * exception would escape the one failure renderer. Valid envelopes round-trip their members.
 *
 * <p>Each property draws a bounded number of inputs from a fixed seed ({@link Fuzzing}), so every run
 * tries the same inputs in a few seconds. The committed corpus under {@code fuzz/envelope/} is
 * replayed by a parameterized test every run and is the seed pool of the mutating property. Corpus
 * file names carry expectations on top of the contract: {@code valid-*} is read and round-trips,
 * {@code wrong-kind-*} is a 400, {@code not-object-*} and {@code empty*} read as {@code {}}. The
 * reader gets the application's own {@link JsonMapper} (Boot's Jackson auto-configuration) and is
 * exercised at the shipped limit and at a tiny one, so that ordinary inputs meet the 413 path too.
 */
class RestRequestReaderFuzzTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper JSON = applicationJsonMapper();

	/** Writes only ASCII, so any string (even a lone surrogate the reader let through) survives the trip. */
	private static final JsonMapper ASCII_JSON = JSON.rebuild().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static final long TINY_LIMIT = 256;

	private static final RestRequestReader SHIPPED = reader(Map.of());

	private static final RestRequestReader TINY = reader(Map.of("gatehouse.rest.max-body-size", TINY_LIMIT + "B"));

	private static final RestRequestReader ROOMY = reader(Map.of("gatehouse.rest.max-body-size", "16MB"));

	private static final long SHIPPED_LIMIT = bind(Map.of()).maxBodySize().toBytes();

	private static final List<String> MEMBERS = List.of("type", "scope", "columns", "values", "order", "auth");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-16",
			"text/plain", "text/plain;charset=ISO-8859-1", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "*/*", "", "application/json;charset=nonsense");

	private static final byte[] INTERESTING_BYTES = { 0, '"', '\\', '{', '}', '[', ']', ':', ',', '\r', '\n', 'u',
			'0', '-', 'e', (byte) 0xC3, (byte) 0xED, (byte) 0xEF, (byte) 0xFE, (byte) 0xFF, (byte) 0x80 };

	private static final List<String> INTERESTING_STRINGS = List.of("", "company", "auth", "\u0000", "\r\n", "\"",
			"\\", "\u2028", "\uFEFF", "\uD83D\uDE00", "\u202E", "a".repeat(300));

	private static final List<Named<byte[]>> CORPUS = FuzzCorpus.entries("envelope");

	/** How the request announces its length: honestly, not at all (chunked), or falsely. */
	enum Declared {

		EXACT, UNKNOWN, ZERO, HUGE;

		long of(byte[] body) {
			return switch (this) {
				case EXACT -> body.length;
				case UNKNOWN -> -1;
				case ZERO -> 0;
				case HUGE -> Long.MAX_VALUE;
			};
		}
	}

	/** One call: the body, its content type and declared length, and whether the tiny limit applies. */
	record Input(byte[] body, String contentType, Declared declared, boolean tiny) {

		static Input of(Random random, byte[] body) {
			return new Input(body, RestRequestReaderFuzzTests.contentType(random), Fuzzing.oneOf(random, Declared.values()), random.nextBoolean());
		}

		@Override
		public String toString() {
			return this.declared + (this.tiny ? " tiny " : " ") + "Content-Type '" + this.contentType + "' body '"
					+ new String(this.body, StandardCharsets.ISO_8859_1) + "'";
		}
	}

	@Test
	void readWhenAnyBytesThenRequestOrBadRequestOrTooLarge() {
		Fuzzing.forAll(4711, 4000, (random) -> Input.of(random, bytes(random, 600)),
				RestRequestReaderFuzzTests::assertContract);
	}

	@Test
	void readWhenEnvelopeShapedJsonThenRequestOrBadRequestOrTooLarge() {
		Fuzzing.forAll(4712, 4000, (random) -> Input.of(random, envelopeShaped(random)),
				RestRequestReaderFuzzTests::assertContract);
	}

	@Test
	void readWhenCorpusEntryMutatedThenRequestOrBadRequestOrTooLarge() {
		Fuzzing.forAll(4713, 4000,
				(random) -> Input.of(random, mutate(Fuzzing.oneOf(random, CORPUS).getPayload(), random)),
				RestRequestReaderFuzzTests::assertContract);
	}

	@Test
	void readWhenValidEnvelopeThenMembersRoundTrip() {
		Fuzzing.forAll(4714, 3000, RestRequestReaderFuzzTests::envelope, (envelope) -> {
			RestRequest read = SHIPPED.read(request(envelope.body(), "application/json", envelope.body().length));

			assertThat(read.type()).isEqualTo(envelope.type());
			assertSameJson(read.scope(), envelope.scope());
			assertThat(read.columns()).isEqualTo(envelope.columns());
			assertSameJson(read.values(), envelope.values());
			assertThat(read.order()).isEqualTo(envelope.order());
			assertThat(read.auth()).isEqualTo(envelope.auth());
		});
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void readWhenCorpusEntryThenKeepsTheContract(byte[] body, String name) throws IOException {
		for (String contentType : List.of("application/json", "text/plain;charset=ISO-8859-1", "")) {
			for (Declared declared : Declared.values()) {
				assertContract(new Input(body, contentType, declared, false));
				assertContract(new Input(body, contentType, declared, true));
			}
		}
		RestRequest read = readOrNull(SHIPPED, body);
		if (name.startsWith("valid-")) {
			assertThat(read).as("a valid envelope is read").isNotNull();
			assertRoundTrips(read);
		}
		if (name.startsWith("wrong-kind-")) {
			assertThatReaderRefuses(body, HttpStatus.BAD_REQUEST, "request.malformed");
		}
		if (name.startsWith("not-object-") || name.startsWith("empty")) {
			assertThat(read).isEqualTo(RestRequest.empty());
		}
	}

	static Stream<Arguments> corpus() {
		return CORPUS.stream().map((entry) -> Arguments.of(entry, entry.getName()));
	}

	private static void assertContract(Input input) throws IOException {
		RestRequestReader reader = input.tiny() ? TINY : SHIPPED;
		long limit = input.tiny() ? TINY_LIMIT : SHIPPED_LIMIT;
		byte[] body = input.body();
		long length = input.declared().of(body);
		RestRequest read;
		try {
			read = reader.read(request(body, input.contentType(), length));
		}
		catch (RestFailure refused) {
			if (refused.status() == HttpStatus.CONTENT_TOO_LARGE) {
				assertThat(refused.code()).isEqualTo("request.too_large");
				assertThat(body.length > limit || length > limit).as("refused as too large only when it is").isTrue();
			}
			else {
				assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(refused.code()).isEqualTo("request.malformed");
				assertThat(isJsonObject(body)).as("only a JSON object can hold a member of the wrong kind").isTrue();
			}
			return;
		}
		assertThat((long) body.length).as("read within the limit").isLessThanOrEqualTo(limit);
		assertThat(length).as("read within the announced limit").isLessThanOrEqualTo(limit);
		assertThat(read.scope()).isNotNull();
		assertThat(read.values()).isNotNull();
		assertThat(read.order()).isNotNull().doesNotContainNull();
		if (read.columns() != null) {
			assertThat(read.columns()).doesNotContainNull();
		}
		if (!isJsonObject(body)) {
			assertThat(read).as("anything but a JSON object reads as {}").isEqualTo(RestRequest.empty());
		}
	}

	private static void assertThatReaderRefuses(byte[] body, HttpStatus status, String code) throws IOException {
		try {
			SHIPPED.read(request(body, "application/json", body.length));
		}
		catch (RestFailure refused) {
			assertThat(refused.status()).isEqualTo(status);
			assertThat(refused.code()).isEqualTo(code);
			return;
		}
		throw new AssertionError("expected " + status + " " + code);
	}

	/** Writes the members back as JSON and reads them again: the same request comes back. */
	private static void assertRoundTrips(RestRequest read) throws IOException {
		ObjectNode body = NODES.objectNode();
		body.put("type", read.type());
		body.set("scope", read.scope());
		body.set("columns", stringArray(read.columns()));
		body.set("values", read.values());
		body.set("order", stringArray(read.order()));
		body.set("auth", (read.auth() != null) ? authBlock(read.auth()) : null);
		byte[] written = ASCII_JSON.writeValueAsBytes(body);

		assertThat(ROOMY.read(request(written, "application/json", written.length))).isEqualTo(read);
	}

	/** Equal JSON, numbers compared by value (the parser picks int, long or big integer by size). */
	private static void assertSameJson(JsonNode actual, JsonNode expected) {
		Comparator<JsonNode> numbersByValue = (a, b) -> {
			if (a.isNumber() && b.isNumber()) {
				return a.decimalValue().compareTo(b.decimalValue());
			}
			return a.equals(b) ? 0 : 1;
		};
		assertThat(actual.equals(numbersByValue, expected)).as("%s equals %s", actual, expected).isTrue();
	}

	private static @Nullable RestRequest readOrNull(RestRequestReader reader, byte[] body) throws IOException {
		try {
			return reader.read(request(body, "application/json", body.length));
		}
		catch (RestFailure refused) {
			return null;
		}
	}

	private static boolean isJsonObject(byte[] body) {
		try {
			return body.length > 0 && JSON.readTree(body) instanceof ObjectNode;
		}
		catch (JacksonException unparseable) {
			return false;
		}
	}

	/** A POST as a servlet container hands it over, with the declared length and type taken as sent. */
	private static HttpServletRequest request(byte[] body, String contentType, long declaredLength) {
		MockHttpServletRequest mock = new MockHttpServletRequest("POST", "/rest/ops/read/company");
		mock.setContent(body);
		return new HttpServletRequestWrapper(mock) {

			@Override
			public String getContentType() {
				return contentType;
			}

			@Override
			public int getContentLength() {
				return (declaredLength > Integer.MAX_VALUE) ? -1 : (int) declaredLength;
			}

			@Override
			public long getContentLengthLong() {
				return declaredLength;
			}
		};
	}

	/**
	 * One well-formed envelope and the members it must read as. An absent member is left out or sent
	 * as {@code null}; unknown members are ignored.
	 */
	record Envelope(@Nullable String type, ObjectNode scope, @Nullable List<String> columns, ObjectNode values,
			List<String> order, @Nullable RestAuth auth, byte[] body) {

		@Override
		public String toString() {
			return new String(this.body, StandardCharsets.UTF_8);
		}
	}

	private static Envelope envelope(Random random) {
		String type = random.nextInt(5) == 0 ? null : string(random);
		ObjectNode scope = random.nextInt(5) == 0 ? null : object(random, 2);
		List<String> columns = random.nextInt(3) == 0 ? null : stringList(random);
		ObjectNode values = random.nextInt(5) == 0 ? null : object(random, 2);
		List<String> order = random.nextInt(3) == 0 ? null : stringList(random);
		RestAuth auth = random.nextInt(3) == 0 ? null
				: new RestAuth(nullableString(random), nullableString(random), nullableString(random),
						nullableString(random));
		boolean nullForAbsent = random.nextBoolean();
		ObjectNode body = NODES.objectNode();
		putUnlessAbsent(body, "type", (type != null) ? NODES.stringNode(type) : null, nullForAbsent);
		putUnlessAbsent(body, "scope", scope, nullForAbsent);
		putUnlessAbsent(body, "columns", stringArray(columns), nullForAbsent);
		putUnlessAbsent(body, "values", values, nullForAbsent);
		putUnlessAbsent(body, "order", stringArray(order), nullForAbsent);
		putUnlessAbsent(body, "auth", (auth != null) ? authBlock(auth) : null, nullForAbsent);
		for (int i = random.nextInt(3); i > 0; i--) {
			body.set("unknown" + i, json(random, 1));
		}
		return new Envelope(type, (scope != null) ? scope : NODES.objectNode(), columns,
				(values != null) ? values : NODES.objectNode(), (order != null) ? order : List.of(), auth,
				JSON.writeValueAsBytes(body));
	}

	private static void putUnlessAbsent(ObjectNode body, String name, @Nullable JsonNode value, boolean nullForAbsent) {
		if (value != null) {
			body.set(name, value);
		}
		else if (nullForAbsent) {
			body.putNull(name);
		}
	}

	/** A JSON object whose members are mostly the envelope's, holding values of any kind, sometimes damaged. */
	private static byte[] envelopeShaped(Random random) {
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
	private static byte[] mutate(byte[] seed, Random random) {
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
	private static byte[] bytes(Random random, int max) {
		byte[] bytes = new byte[Fuzzing.length(random, max)];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (random.nextInt(3) == 0) ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
					: (byte) random.nextInt(256);
		}
		return bytes;
	}

	private static String contentType(Random random) {
		return (random.nextInt(4) > 0) ? Fuzzing.oneOf(random, CONTENT_TYPES) : string(random);
	}

	/** A string of Unicode scalar values (no lone surrogates: those cannot be sent as UTF-8). */
	private static String string(Random random) {
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

	private static @Nullable String nullableString(Random random) {
		return (random.nextInt(4) == 0) ? null : string(random);
	}

	private static List<String> stringList(Random random) {
		List<String> strings = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			strings.add(string(random));
		}
		return List.copyOf(strings);
	}

	/** Any JSON value, containers nested at most {@code depth} deep. */
	private static JsonNode json(Random random, int depth) {
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

	private static ObjectNode object(Random random, int depth) {
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

	private static @Nullable JsonNode stringArray(@Nullable List<String> strings) {
		if (strings == null) {
			return null;
		}
		ArrayNode array = NODES.arrayNode();
		strings.forEach(array::add);
		return array;
	}

	private static ObjectNode authBlock(RestAuth auth) {
		ObjectNode block = NODES.objectNode();
		block.put("type", auth.type());
		block.put("username", auth.username());
		block.put("password", auth.password());
		block.put("key", auth.key());
		return block;
	}

	private static RestRequestReader reader(Map<String, String> settings) {
		return new RestRequestReader(JSON, bind(settings));
	}

	private static RestProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gatehouse.rest",
				RestProperties.class);
	}

	private static JsonMapper applicationJsonMapper() {
		AtomicReference<JsonMapper> mapper = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> mapper.set(context.getBean(JsonMapper.class)));
		return mapper.get();
	}
}
