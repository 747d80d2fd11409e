package com.gatehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import com.gatehouse.Secrets.Kind;

/**
 * Looks for known secrets, as literal text, in every column of every table of a store and in every
 * line of log files. Binary columns (Spring Session's serialized attributes) are read as ISO-8859-1,
 * so a string serialized inside them shows in clear; gzipped (rolled) logs are read unzipped.
 *
 * <p>The one place a secret may be is the session id in {@code spring_session.session_id}: Spring
 * Session JDBC looks sessions up by it, so it is stored as it is by design. Anywhere else a session
 * id, and anywhere at all a password or key, is a finding. A finding names the place and the kind
 * of secret, and shows only the secret's first characters and its length.
 */
final class SecretScan {

	private static final int PREFIX = Secrets.SHORTEST;

	private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

	private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast");

	private final Map<String, Kind> secrets;

	/** The secrets by their first {@link Secrets#SHORTEST} characters, to try only those that could start at a place. */
	private final Map<String, List<String>> byPrefix = new HashMap<>();

	SecretScan(Map<String, Kind> secrets) {
		this.secrets = Map.copyOf(secrets);
		this.secrets.keySet()
			.forEach((secret) -> this.byPrefix.computeIfAbsent(secret.substring(0, PREFIX), (prefix) -> new ArrayList<>())
				.add(secret));
	}

	/** A scan for every secret the suite has noted so far. */
	static SecretScan ofSuite() {
		Map<String, Kind> secrets = new LinkedHashMap<>();
		for (Kind kind : Kind.values()) {
			Secrets.of(kind).forEach((secret) -> secrets.putIfAbsent(secret, kind));
		}
		return new SecretScan(secrets);
	}

	/** A secret found where it must not be. */
	record Finding(Kind kind, String where, String secret) {

		@Override
		public String toString() {
			return this.kind + " " + this.secret.substring(0, 4) + "... (" + this.secret.length() + " characters) in "
					+ this.where;
		}
	}

	/** What a scan read, and what it found. */
	record Report(Set<String> places, long texts, List<Finding> findings) {

	}

	/** Scans every table of every schema that {@code schemas} accepts (system schemas never). */
	Report scanStore(DataSource store, Predicate<String> schemas) throws SQLException {
		Set<String> tables = new TreeSet<>();
		List<Finding> findings = new ArrayList<>();
		long texts = 0;
		try (Connection connection = store.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			String quote = metadata.getIdentifierQuoteString();
			List<String[]> found = new ArrayList<>();
			try (ResultSet rows = metadata.getTables(null, null, "%", null)) {
				while (rows.next()) {
					String schema = rows.getString("TABLE_SCHEM");
					String type = rows.getString("TABLE_TYPE");
					if (schema != null && !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))
							&& schemas.test(schema) && ("TABLE".equals(type) || "BASE TABLE".equals(type))) {
						found.add(new String[] { schema, rows.getString("TABLE_NAME") });
					}
				}
			}
			for (String[] table : found) {
				String name = table[0] + "." + table[1];
				tables.add(name.toLowerCase(Locale.ROOT));
				texts += scanTable(connection, quote + table[0] + quote + "." + quote + table[1] + quote, name, findings);
			}
		}
		return new Report(tables, texts, findings);
	}

	private long scanTable(Connection connection, String quotedName, String name, List<Finding> findings)
			throws SQLException {
		long texts = 0;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM " + quotedName)) {
			ResultSetMetaData columns = rows.getMetaData();
			for (long row = 1; rows.next(); row++) {
				for (int column = 1; column <= columns.getColumnCount(); column++) {
					String text = BINARY.contains(columns.getColumnType(column)) ? latin1(rows.getBytes(column))
							: rows.getString(column);
					if (text == null) {
						continue;
					}
					texts++;
					String columnName = columns.getColumnName(column);
					boolean sessionIds = name.toLowerCase(Locale.ROOT).endsWith(".spring_session")
							&& columnName.equalsIgnoreCase("session_id");
					find(text, name + "." + columnName.toLowerCase(Locale.ROOT) + " row " + row,
							(kind) -> !(sessionIds && kind == Kind.SESSION), findings);
				}
			}
		}
		return texts;
	}

	/** Scans every line of {@code files}; a file whose name ends in {@code .gz} is read unzipped. */
	Report scanLogs(List<Path> files) throws IOException {
		Set<String> places = new TreeSet<>();
		List<Finding> findings = new ArrayList<>();
		long lines = 0;
		for (Path file : files) {
			places.add(file.getFileName().toString());
			try (InputStream raw = Files.newInputStream(file);
					InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				for (long number = 1; (line = reader.readLine()) != null; number++) {
					lines++;
					find(line, file.getFileName() + ":" + number, (kind) -> true, findings);
				}
			}
		}
		return new Report(places, lines, findings);
	}

	private void find(String text, String where, Predicate<Kind> kinds, List<Finding> findings) {
		for (int at = 0; at + PREFIX <= text.length(); at++) {
			List<String> candidates = this.byPrefix.get(text.substring(at, at + PREFIX));
			if (candidates == null) {
				continue;
			}
			for (String secret : candidates) {
				Kind kind = this.secrets.get(secret);
				if (kinds.test(kind) && text.startsWith(secret, at)) {
					findings.add(new Finding(kind, where, secret));
				}
			}
		}
	}

	private static @Nullable String latin1(byte @Nullable [] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.ISO_8859_1) : null;
	}
}
