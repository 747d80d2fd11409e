package com.gatehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Secrets.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * After every other test class (last in JUnit's class order, and isolated so that it also waits for
 * the classes that run beside the others, see junit-platform.properties), scans the
 * suite's store and its log for the secrets the suite used ({@link Secrets}, noted by {@link Api}):
 * no password or key may be in the store in clear, nor a session id outside Spring Session's own
 * {@code session_id} column, and no password, key or session id may be in the log. The store is the
 * one every {@link GatehouseTest} shares (H2 in memory, or the PostgreSQL of the second run). The log
 * is the file every application started in the test JVM writes ({@code logging.file.name}, set for
 * the whole JVM by the surefire configuration, so that contexts started without the test profile
 * write it too).
 *
 * <p>The console is not scanned: the generated password of a first start is printed there once by
 * design (user/AdminBootstrapTests), through a logger wired to the console appender alone
 * (user/ConsoleOnlyLog), so it never reaches the log file. AdminBootstrapTests logs in with it through {@link Api}, so it is among the
 * passwords this scan makes sure the log does not hold.
 *
 * <p>A scan that finds nothing because it looked for nothing, or looked nowhere, proves nothing: the
 * first tests check that the suite noted secrets of every kind and that the scans read the tables and
 * lines they should; the canary tests plant secrets in a copy of the log and in a scratch schema of
 * the store and check that the same scans find them.
 */
@GatehouseTest
@Order(Integer.MAX_VALUE)
@Isolated
class AfterSuiteSecretScanTests {

	private static final String CANARY_SCHEMA = "secret_scan_canary";

	@Autowired
	DataSource store;

	@Autowired
	Environment environment;

	@Test
	void suiteNotedPasswordsKeysAndSessionIds() {
		assertThat(Secrets.of(Kind.PASSWORD)).as("passwords").hasSizeGreaterThanOrEqualTo(20);
		assertThat(Secrets.of(Kind.KEY)).as("keys").hasSizeGreaterThanOrEqualTo(10);
		assertThat(Secrets.of(Kind.SESSION)).as("session ids").hasSizeGreaterThanOrEqualTo(10);
	}

	@Test
	void storeHoldsNoPasswordOrKeyInClear() throws Exception {
		SecretScan.Report report = SecretScan.ofSuite().scanStore(this.store, (schema) -> !schema.equalsIgnoreCase(CANARY_SCHEMA));

		assertThat(report.places()).as("tables scanned")
			.contains("public.users", "public.auth_keys", "public.spring_session", "public.spring_session_attributes",
					"public.audit_events");
		assertThat(report.texts()).as("values scanned").isGreaterThan(100);
		assertThat(report.findings()).as("secrets in the store").isEmpty();
	}

	@Test
	void logHoldsNoPasswordKeyOrSessionId() throws Exception {
		List<Path> logs = logFiles();
		SecretScan.Report report = SecretScan.ofSuite().scanLogs(logs);

		assertThat(report.texts()).as("log lines scanned").isGreaterThan(100);
		assertThat(logs.stream().anyMatch(AfterSuiteSecretScanTests::holdsCallOutcomes))
			.as("the log holds the suite's authentication outcomes")
			.isTrue();
		assertThat(report.findings()).as("secrets in the log").isEmpty();
	}

	@Test
	void logScanFindsCanariesPlantedInACopyOfTheLogAndInARolledArchive(@TempDir Path copy) throws Exception {
		Map<String, Kind> canaries = canaries();
		List<Path> logs = logFiles();
		for (Path log : logs) {
			Files.copy(log, copy.resolve(log.getFileName()));
		}
		Path planted = copy.resolve(logs.get(0).getFileName());
		String[] secrets = canaries.keySet().toArray(String[]::new);
		Files.writeString(planted, "INFO login=\"someone\" password=" + secrets[0] + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
		try (OutputStream archive = new GZIPOutputStream(Files.newOutputStream(copy.resolve("rolled.log.gz")))) {
			archive.write(("DEBUG cookie " + secrets[1] + "; key " + secrets[2] + "\n").getBytes(StandardCharsets.UTF_8));
		}
		List<Path> copies;
		try (Stream<Path> files = Files.list(copy)) {
			copies = files.sorted().toList();
		}

		SecretScan.Report report = new SecretScan(canaries).scanLogs(copies);

		assertThat(report.findings()).extracting(SecretScan.Finding::secret)
			.containsExactlyInAnyOrder(secrets);
	}

	@Test
	void storeScanFindsCanariesPlantedInAScratchSchemaButNotTheSessionIdWhereSpringSessionKeepsIt()
			throws Exception {
		Map<String, Kind> canaries = canaries();
		String password = secretOf(canaries, Kind.PASSWORD);
		String key = secretOf(canaries, Kind.KEY);
		String session = secretOf(canaries, Kind.SESSION);
		String storedSession = "stored-session-id-" + UUID.randomUUID();
		canaries.put(storedSession, Kind.SESSION);
		JdbcClient jdbc = JdbcClient.create(this.store);
		jdbc.sql("CREATE SCHEMA " + CANARY_SCHEMA).update();
		try {
			jdbc.sql("CREATE TABLE " + CANARY_SCHEMA + ".spring_session (session_id VARCHAR(100), principal_name VARCHAR(100))")
				.update();
			jdbc.sql("CREATE TABLE " + CANARY_SCHEMA + ".notes (note TEXT, attribute_bytes BYTEA)").update();
			jdbc.sql("INSERT INTO " + CANARY_SCHEMA + ".spring_session VALUES (?, ?)").params(storedSession, session).update();
			jdbc.sql("INSERT INTO " + CANARY_SCHEMA + ".notes VALUES (?, ?)")
				.params("changed to " + password + " today", serialized(new HashMap<>(Map.of("key", key))))
				.update();

			SecretScan.Report report = new SecretScan(canaries).scanStore(this.store,
					(schema) -> schema.equalsIgnoreCase(CANARY_SCHEMA));

			assertThat(report.findings()).extracting(SecretScan.Finding::secret, SecretScan.Finding::where)
				.containsExactlyInAnyOrder(
						tuple(session, CANARY_SCHEMA + ".spring_session.principal_name row 1"),
						tuple(password, CANARY_SCHEMA + ".notes.note row 1"),
						tuple(key, CANARY_SCHEMA + ".notes.attribute_bytes row 1"));
		}
		finally {
			jdbc.sql("DROP SCHEMA " + CANARY_SCHEMA + " CASCADE").update();
		}
	}

	/** The log file the JVM writes and its rolled archives, if any. */
	private List<Path> logFiles() throws IOException {
		String name = this.environment.getProperty("logging.file.name");
		assertThat(name).as("logging.file.name: the suite runs with a log file (surefire configuration)").isNotBlank();
		Path log = Path.of(name).toAbsolutePath();
		assertThat(log).as("the suite's log file").isNotEmptyFile();
		try (Stream<Path> files = Files.list(log.getParent())) {
			return files.filter((file) -> file.getFileName().toString().startsWith(log.getFileName().toString()))
				.sorted()
				.toList();
		}
	}

	private static boolean holdsCallOutcomes(Path log) {
		try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			return lines.anyMatch((line) -> line.contains("authentication outcome="));
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/** One fresh secret of each kind, noted nowhere else. */
	private static Map<String, Kind> canaries() {
		Map<String, Kind> canaries = new HashMap<>();
		for (Kind kind : Kind.values()) {
			canaries.put("canary-" + kind.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID(), kind);
		}
		return canaries;
	}

	private static String secretOf(Map<String, Kind> canaries, Kind kind) {
		return canaries.entrySet().stream().filter((canary) -> canary.getValue() == kind).findFirst().orElseThrow().getKey();
	}

	/** Bytes as Spring Session JDBC stores an attribute: Java serialization. */
	private static byte[] serialized(HashMap<String, String> value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}
}
