package com.gatehouse;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Puts an application's sessions in the test Redis under a namespace no other application, test
 * run or engineer shares (the Redis is shared, and is never flushed), and deletes that namespace's
 * keys when the application closes.
 */
public final class RedisTestStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String URL_VARIABLE = "GATEHOUSE_TEST_REDIS_URL";

	private static final String NAMESPACE = "spring.session.data.redis.namespace";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = System.getenv(URL_VARIABLE);
		String namespace = newNamespace();
		TestPropertyValues.of(properties(url, namespace)).applyTo(context);
		context.addApplicationListener((ContextClosedEvent closed) -> forget(url, namespace));
	}

	/** A namespace for one application, or several that share their sessions. */
	public static String newNamespace() {
		return "gatehouse-test-sessions-" + UUID.randomUUID();
	}

	/** The settings that put sessions in the Redis at {@code url}, under {@code namespace}. */
	public static List<String> properties(String url, String namespace) {
		return List.of("gatehouse.sessions.store=redis", "spring.data.redis.url=" + url, NAMESPACE + "=" + namespace);
	}

	/**
	 * Deletes every key of {@code namespace} in the Redis at {@code url}, and nothing else, on a
	 * connection of its own: the application's may already be stopping.
	 */
	public static void forget(String url, String namespace) {
		inNamespace(url, namespace, (redis, keys) -> {
			if (!keys.isEmpty()) {
				redis.del(keys.toArray(String[]::new));
			}
		});
	}

	/** Hands every page of keys of {@code namespace} in the Redis at {@code url} to {@code each}, on a connection of its own. */
	public static void inNamespace(String url, String namespace,
			BiConsumer<RedisCommands<String, String>, List<String>> each) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			ScanArgs matching = ScanArgs.Builder.matches(namespace + ":*").limit(1000);
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = redis.scan(cursor, matching);
				each.accept(redis, page.getKeys());
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
	}
}
