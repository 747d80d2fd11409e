package com.gatehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.fail;

/**
 * Several instances of the whole service, each on a free loopback port, sharing one PostgreSQL
 * database made for this cluster alone ({@link TestDatabase}) and dropped on {@link #close()}.
 * Instances start together, as a rolling deployment's would, so every start also races the schema
 * migrations. {@link #startThroughProxy} puts a {@link TcpProxy} between the instances and
 * PostgreSQL, which a test cuts to take the store away from all of them at once. Only for
 * {@link ClusterTest}s: it needs {@code GATEHOUSE_TEST_POSTGRES_URL}.
 */
public final class Cluster implements AutoCloseable {

	private static final String POOL_SIZE = "--spring.datasource.hikari.maximum-pool-size=";

	private static final Semaphore LOGGING_SETUP = new Semaphore(1);

	private final TestDatabase database;

	private final @Nullable TcpProxy network;

	private final List<String> settings;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private Cluster(TestDatabase database, @Nullable TcpProxy network, List<String> settings) {
		this.database = database;
		this.network = network;
		this.settings = settings;
	}

	/**
	 * Starts {@code size} instances in parallel on a new database; {@code settings} are extra
	 * {@code --name=value} arguments given to every instance (for example the session store).
	 */
	public static Cluster start(int size, String... settings) {
		return start(size, false, settings);
	}

	/** As {@link #start}, with the instances reaching PostgreSQL only through {@link #network()}. */
	public static Cluster startThroughProxy(int size, String... settings) {
		return start(size, true, settings);
	}

	private static Cluster start(int size, boolean proxied, String... settings) {
		TestDatabase database = TestDatabase.create("gatehouse_cluster");
		Cluster cluster = new Cluster(database, proxied ? proxyTo(database) : null, List.of(settings));
		List<CompletableFuture<ConfigurableApplicationContext>> starting = IntStream.range(0, size)
			.mapToObj((i) -> CompletableFuture.supplyAsync(cluster::launch))
			.toList();
		// Every start is waited for, so that one failing does not leave the others running unseen.
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

	/** The JDBC URL of this cluster's own database, reached directly (for a test that checks rows). */
	public String databaseUrl() {
		return this.database.url();
	}

	/** The proxy between the instances and PostgreSQL, for a cluster made by {@link #startThroughProxy}. */
	public TcpProxy network() {
		if (this.network == null) {
			throw new IllegalStateException("this cluster reaches PostgreSQL directly: use startThroughProxy");
		}
		return this.network;
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

	/** Counter {@code name} of instance {@code index}, 0 before it is first counted. */
	public double counter(int index, String name) {
		return instance(index).getBean(MeterRegistry.class).counter(name).count();
	}

	/**
	 * Waits until counter {@code name} of instance {@code index} reaches {@code atLeast}, failing after
	 * {@code limit}. The counters waited for are the change listeners' (connects, signals), so a
	 * failure names where those threads are.
	 */
	public void awaitCounter(int index, String name, double atLeast, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (counter(index, name) < atLeast) {
			if (System.nanoTime() > deadline) {
				fail("%s on instance %d stayed at %s, below %s, for %s; listener threads: %s", name, index,
						counter(index, name), atLeast, limit, listenerThreads());
			}
			// Sleeps rather than spins: on two cores a spinning test takes the listener's CPU.
			Thread.sleep(10);
		}
	}

	/** Where the change listeners of this JVM's instances are, for a failure's message. */
	private static String listenerThreads() {
		StringBuilder found = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().equals("auth-cache-listener")) {
				found.append(thread.getState()).append(' ').append(Arrays.toString(stack)).append("; ");
			}
		});
		return found.toString();
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
		try {
			if (this.network != null) {
				this.network.close();
			}
		}
		catch (IOException ignored) {
			// the proxy's sockets are closed either way
		}
		this.database.close();
	}

	private ConfigurableApplicationContext launch() {
		String url = (this.network != null) ? this.database.urlThrough(this.network.port()) : this.database.url();
		// Arguments, not default properties: they must win over the test profile and system properties.
		// A pool of 8 unless the test sets one, not the test profile's 4: a login holds its user's row lock on one connection and
		// stores its session on a second (Spring Session's own transaction), so racing logins of one
		// user starved a pool of 4 into 503s on a loaded build machine. Still lazy (minimum-idle=0),
		// since the test PostgreSQL is shared by every context of the suite.
		Stream<String> pool = this.settings.stream().anyMatch((setting) -> setting.startsWith(POOL_SIZE))
				? Stream.empty() : Stream.of(POOL_SIZE + "8");
		String[] arguments = Stream.of(Stream.of("--server.port=0", "--spring.profiles.active=test",
				"--spring.datasource.url=" + url), pool, this.settings.stream())
			.flatMap((part) -> part)
			.toArray(String[]::new);
		// Logback is set up once per JVM: instances starting together must not set it up at once.
		AtomicBoolean settingUpLogging = new AtomicBoolean(true);
		LOGGING_SETUP.acquireUninterruptibly();
		try {
			return new SpringApplicationBuilder(GatehouseApplication.class).listeners((ApplicationEvent event) -> {
				if (event instanceof ApplicationContextInitializedEvent) {
					loggingSetUp(settingUpLogging);
				}
			}).run(arguments);
		}
		finally {
			loggingSetUp(settingUpLogging);
		}
	}

	private static void loggingSetUp(AtomicBoolean settingUpLogging) {
		if (settingUpLogging.getAndSet(false)) {
			LOGGING_SETUP.release();
		}
	}

	private static TcpProxy proxyTo(TestDatabase database) {
		try {
			return new TcpProxy(database.port());
		}
		catch (IOException failure) {
			database.close();
			throw new UncheckedIOException(failure);
		}
	}

	private static void starting(RuntimeException failure, Cluster cluster) {
		try {
			cluster.close();
		}
		catch (RuntimeException cleanup) {
			failure.addSuppressed(cleanup);
		}
	}
}
