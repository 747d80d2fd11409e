package com.gatehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new, empty PostgreSQL database on the server that {@code GATEHOUSE_TEST_POSTGRES_URL} names,
 * made for one test alone (so it meets no other test's data) and dropped on {@link #close()}. The
 * server must be on this machine: a test may reach it through a {@link TcpProxy} on another
 * loopback port ({@link #urlThrough(int)}).
 */
public final class TestDatabase implements AutoCloseable {

	private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^/:]+)(?::(\\d+))?/([^?]+)(.*)$");

	private final String name;

	private final Matcher suite;

	private TestDatabase(String name, Matcher suite) {
		this.name = name;
		this.suite = suite;
	}

	/** Makes a database named {@code prefix} and a unique suffix. */
	public static TestDatabase create(String prefix) {
		Matcher suite = suiteDatabase();
		TestDatabase database = new TestDatabase(prefix + "_" + Long.toString(System.nanoTime(), 36), suite);
		admin("CREATE DATABASE " + database.name);
		return database;
	}

	/** The JDBC URL of this database, with the suite URL's parameters (user and so on). */
	public String url() {
		return "jdbc:postgresql://" + this.suite.group(1) + ":" + port() + "/" + this.name + this.suite.group(4);
	}

	/** The same database reached on another loopback port, where a {@link TcpProxy} listens. */
	public String urlThrough(int port) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + this.name + this.suite.group(4);
	}

	/** The PostgreSQL server's port. */
	public int port() {
		return (this.suite.group(2) != null) ? Integer.parseInt(this.suite.group(2)) : 5432;
	}

	/** Drops the database, ending whatever sessions are still connected to it. */
	@Override
	public void close() {
		admin("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	/** Runs one statement on the suite's own database, which is how a database is made or dropped. */
	private static void admin(String statement) {
		try (Connection connection = DriverManager.getConnection(suiteDatabase().group(0));
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException failure) {
			throw new IllegalStateException("PostgreSQL refused: " + statement, failure);
		}
	}

	private static Matcher suiteDatabase() {
		String url = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
		Matcher matcher = SERVER.matcher((url != null) ? url : "");
		if (!matcher.matches()) {
			throw new IllegalStateException("this test needs GATEHOUSE_TEST_POSTGRES_URL=jdbc:postgresql://host:port/db?...");
		}
		return matcher;
	}
}
