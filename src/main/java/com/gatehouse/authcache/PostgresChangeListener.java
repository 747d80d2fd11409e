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
 * back. It counts as connected only once a probe it sent itself came back (the subscription is
 * live), and it sends one every {@link #CHECK_EVERY}: a connection that is dead, or alive but deaf,
 * is replaced when its probe is not heard within that time. Whatever is lost
 * regardless is bounded by the caches' expiry. Meters: {@code gatehouse.auth.cache.signals} (signals
 * received) and {@code gatehouse.auth.cache.listener.connects}.
 */
final class PostgresChangeListener implements SmartLifecycle {

	static final String APPLICATION_NAME = "gatehouse-auth-listener";

	private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);

	private static final int POLL_MILLIS = 250;

	private static final String LISTEN = "LISTEN " + PostgresAuthChanges.CHANNEL;

	// A payload no change has (AuthChange's are kind:id or all): every listener ignores it.
	private static final String PROBE_PAYLOAD = "probe";

	private static final String PROBE = "NOTIFY " + PostgresAuthChanges.CHANNEL + ", '" + PROBE_PAYLOAD + "'";

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
			statement.execute(LISTEN);
			PGConnection notifications = db.unwrap(PGConnection.class);
			int self = notifications.getBackendPID();
			// Connected only once its own probe came back: then the subscription is live, so whatever
			// commits from here on is heard; whatever changed before may have been missed.
			statement.execute(PROBE);
			long probed = System.nanoTime();
			while (this.running && !receive(notifications, self)) {
				requireAnswerWithin(probed);
			}
			this.caches.apply(AuthChange.all());
			this.connects.increment();
			this.outage = false;
			boolean answered = true;
			while (this.running) {
				answered |= receive(notifications, self);
				if (!answered) {
					requireAnswerWithin(probed);
				}
				else if (System.nanoTime() - probed > CHECK_EVERY.toNanos()) {
					statement.execute(PROBE);
					probed = System.nanoTime();
					answered = false;
				}
			}
		}
	}

	/**
	 * Applies the signals one poll brings; answers whether this connection's own probe was among
	 * them. Probes (this instance's or another's) are no change and are neither counted nor applied.
	 */
	private boolean receive(PGConnection notifications, int self) throws SQLException {
		boolean heard = false;
		PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
		for (PGNotification signal : (received != null) ? received : new PGNotification[0]) {
			if (PROBE_PAYLOAD.equals(signal.getParameter())) {
				heard |= signal.getPID() == self;
				continue;
			}
			this.signals.increment();
			this.caches.apply(AuthChange.parse(signal.getParameter()));
		}
		return heard;
	}

	private static void requireAnswerWithin(long probed) throws SQLException {
		if (System.nanoTime() - probed > CHECK_EVERY.toNanos()) {
			throw new SQLException("the listener did not hear its own probe within " + CHECK_EVERY);
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
