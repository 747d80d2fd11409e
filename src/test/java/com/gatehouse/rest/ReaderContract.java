package com.gatehouse.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract the {@link RestRequestReader} fuzz tests hold the reader to, the first code that touches
 * an untrusted body: whatever the bytes, the declared length and the content type, it answers a
 * {@link RestRequest} or refuses with a {@link RestFailure} of 400 (a member of the wrong JSON kind) or
 * 413 (over the limit); any other exception would escape the one failure renderer. The reader gets the
 * application's own {@link JsonMapper} (Boot's Jackson auto-configuration) and is exercised at the
 * shipped limit and at a tiny one, so that ordinary inputs meet the 413 path too.
 */
final class ReaderContract {

	static final JsonMapper JSON = applicationJsonMapper();

	private static final long TINY_LIMIT = 256;

	static final RestRequestReader SHIPPED = reader(Map.of());

	private static final RestRequestReader TINY = reader(Map.of("gatehouse.rest.max-body-size", TINY_LIMIT + "B"));

	private static final long SHIPPED_LIMIT = bind(Map.of()).maxBodySize().toBytes();

	private ReaderContract() {
	}

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
			return new Input(body, EnvelopeFuzzInputs.contentType(random), Fuzzing.oneOf(random, Declared.values()), random.nextBoolean());
		}

		@Override
		public String toString() {
			return this.declared + (this.tiny ? " tiny " : " ") + "Content-Type '" + this.contentType + "' body '"
					+ new String(this.body, StandardCharsets.ISO_8859_1) + "'";
		}
	}

	static void assertContract(Input input) throws IOException {
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

	private static boolean isJsonObject(byte[] body) {
		try {
			return body.length > 0 && JSON.readTree(body) instanceof ObjectNode;
		}
		catch (JacksonException unparseable) {
			return false;
		}
	}

	/** A POST as a servlet container hands it over, with the declared length and type taken as sent. */
	static HttpServletRequest request(byte[] body, String contentType, long declaredLength) {
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

	static RestRequestReader reader(Map<String, String> settings) {
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
