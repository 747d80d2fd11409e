package com.gatehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances of the whole service, each on a free loopback port, sharing one PostgreSQL
 * database made for this cluster alone (so its tests meet no other test's data) and dropped on
 * {@link #close()}. Instances start together, as a rolling deployment's would, so every start
 * also races the schema migrations. Only for {@link ClusterTest}s: it needs
 * {@code GATEHOUSE_TEST_POSTGRES_URL}.
 */
public final class Cluster implements AutoCloseable {

	private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

	private final String databaseUrl;

	private final String database;

	private final List<String> settings;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private Cluster(String databaseUrl, String database, List<String> settings) {
		this.databaseUrl = databaseUrl;
		this.database = database;
		this.settings = settings;
	}

	/**
	 * Starts {@code size} instances in parallel on a new database; {@code settings} are extra
	 * {@code --name=value} arguments given to every instance (for example the session store).
	 */
	public static Cluster start(int size, String... settings) {
		Cluster cluster = onNewDatabase(List.of(settings));
		// Each instance starts once the one before has set up logging, which is global to the JVM
		// and fails when two applications set it up at once; the rest of their starts (the schema
		// migrations above all) still overlap.
		List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
		CompletableFuture<Void> loggingReady = CompletableFuture.completedFuture(null);
		for (int i = 0; i < size; i++) {
			CompletableFuture<Void> next = new CompletableFuture<>();
			starting.add(loggingReady.thenApplyAsync((ready) -> cluster.launch(next)));
			loggingReady = next;
		}
		RuntimeException failure = null;
		for (CompletableFuture<ConfigurableApplicationContext> instance : starting) {
			try {
				cluster.instances.add(instance.join());
			}
			catch (RuntimeException failed) {
				failure = (failure != null) ? failure : failed;
			}
		}
		if (failure != null) {
			starting(failure, cluster);
			throw failure;
		}
		return cluster;
	}

	/** The JDBC URL of this cluster's own database (for a test that checks rows directly). */
	public String databaseUrl() {
		return this.databaseUrl;
	}

	public int size() {
		return this.instances.size();
	}

	/** A client of instance {@code index} (0-based). */
	public Api api(int index) {
		return new Api(port(index));
	}

	public int port(int index) {
		return Integer.parseInt(instance(index).getEnvironment().getProperty("local.server.port"));
	}

	public ConfigurableApplicationContext instance(int index) {
		return this.instances.get(index);
	}

	/** Stops instance {@code index} the way the platform does: a graceful shutdown. */
	public void stop(int index) {
		instance(index).close();
	}

	/** Starts instance {@code index} again, on a new port, after {@link #stop(int)}. */
	public void restart(int index) {
		this.instances.set(index, launch());
	}

	@Override
	public void close() {
		this.instances.stream().filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
		admin("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
	}

	private ConfigurableApplicationContext launch() {
		return launch(new CompletableFuture<>());
	}

	/** Starts an instance; {@code loggingReady} completes once its logging is set up, or it failed. */
	private ConfigurableApplicationContext launch(CompletableFuture<Void> loggingReady) {
		// Arguments, not default properties: they must win over the test profile and system properties.
		String[] arguments = Stream.concat(Stream.of("--server.port=0", "--spring.profiles.active=test",
				"--spring.datasource.url=" + this.databaseUrl), this.settings.stream()).toArray(String[]::new);
		try {
			return new SpringApplicationBuilder(GatehouseApplication.class)
				.listeners((ApplicationListener<ApplicationEvent>) (event) -> {
					if (event instanceof ApplicationPreparedEvent) {
						loggingReady.complete(null);
					}
				})
				.run(arguments);
		}
		finally {
			loggingReady.complete(null);
		}
	}

	private static Cluster onNewDatabase(List<String> settings) {
		Matcher suite = suiteDatabase();
		String database = "gatehouse_cluster_" + Long.toString(System.nanoTime(), 36);
		admin("CREATE DATABASE " + database);
		return new Cluster(suite.group(1) + database + suite.group(3), database, settings);
	}

	private static void starting(RuntimeException failure, Cluster cluster) {
		try {
			cluster.close();
		}
		catch (RuntimeException cleanup) {
			failure.addSuppressed(cleanup);
		}
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
		Matcher matcher = DATABASE.matcher((url != null) ? url : "");
		if (!matcher.matches()) {
			throw new IllegalStateException("a Cluster needs GATEHOUSE_TEST_POSTGRES_URL=jdbc:postgresql://host:port/db?...");
		}
		return matcher;
	}
}
