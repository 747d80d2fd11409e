package com.gatehouse.authcache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears the other instances' changes: one dedicated connection (application_name
 * {@value #APPLICATION_NAME}, outside the pool) LISTENs on {@link PostgresAuthChanges#CHANNEL} from a
 * daemon thread and applies each signal to the caches. A signal sent while the listener is not
 * connected is lost, so the caches are cleared whenever the connection is lost and again once it is
 * back; a silently dead connection is found by a query every {@link #CHECK_EVERY}. Whatever is lost
 * regardless is bounded by the caches' expiry. Meters: {@code gatehouse.auth.cache.signals} (signals
 * received) and {@code gatehouse.auth.cache.listener.connects}.
 */
final class PostgresChangeListener implements SmartLifecycle {

	static final String APPLICATION_NAME = "gatehouse-auth-listener";

	private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);

	private static final int POLL_MILLIS = 250;

	private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private final String url;

	private final Properties connection;

	private final AuthCaches caches;

	private final Duration reconnectDelay;

	private final Counter signals;

	private final Counter connects;

	private volatile boolean running;

	private boolean outage;

	private @Nullable Thread thread;

	PostgresChangeListener(String url, @Nullable String user, @Nullable String password, AuthCacheProperties settings,
			AuthCaches caches, MeterRegistry meters) {
		this.url = url;
		this.connection = new Properties();
		if (user != null) {
			this.connection.setProperty("user", user);
		}
		if (password != null) {
			this.connection.setProperty("password", password);
		}
		this.connection.setProperty("ApplicationName", APPLICATION_NAME);
		this.connection.setProperty("connectTimeout", "3");
		// Bounds the liveness query (getNotifications sets its own timeout for each poll).
		this.connection.setProperty("socketTimeout", "3");
		this.caches = caches;
		this.reconnectDelay = settings.reconnectDelay();
		this.signals = Counter.builder("gatehouse.auth.cache.signals")
			.description("Change signals received from PostgreSQL (LISTEN/NOTIFY) that evicted cached entries")
			.register(meters);
		this.connects = Counter.builder("gatehouse.auth.cache.listener.connects")
			.description("Connections the auth-cache change listener opened to PostgreSQL (more than one: it reconnected)")
			.register(meters);
	}

	@Override
	public synchronized void start() {
		this.running = true;
		Thread listening = new Thread(this::listen, "auth-cache-listener");
		listening.setDaemon(true);
		listening.start();
		this.thread = listening;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Thread listening = this.thread;
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(CHECK_EVERY.toMillis());
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try {
				listenOnOneConnection();
			}
			// Anything else too (a driver fault, a malformed signal): a dead listener thread would leave
			// only the caches' expiry, so start over on a new connection.
			catch (SQLException | RuntimeException lost) {
				// Once per outage: a store that stays away would otherwise log twice a second.
				if (this.running && !this.outage) {
					log.warn("Auth cache listener lost its connection, reconnecting: {}", lost.getMessage());
				}
				this.outage = true;
			}
			this.caches.apply(AuthChange.all());
			pause();
		}
	}

	private void listenOnOneConnection() throws SQLException {
		try (Connection db = DriverManager.getConnection(this.url, this.connection);
				Statement statement = db.createStatement()) {
			statement.execute("LISTEN " + PostgresAuthChanges.CHANNEL);
			// Listening from here on; whatever changed before may have been missed.
			this.caches.apply(AuthChange.all());
			this.connects.increment();
			this.outage = false;
			PGConnection notifications = db.unwrap(PGConnection.class);
			long checked = System.nanoTime();
			while (this.running) {
				PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
				for (PGNotification signal : (received != null) ? received : new PGNotification[0]) {
					this.signals.increment();
					this.caches.apply(AuthChange.parse(signal.getParameter()));
				}
				if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
					statement.execute("SELECT 1");
					checked = System.nanoTime();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.reconnectDelay.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}
}
