package com.gatehouse.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.gatehouse.RedisSessions;
import com.gatehouse.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionLeftoverTests} with the sessions in Redis: no key of the namespace names the ended
 * session (its hash, its {@code expires:} key), and no set or sorted set of it (the principal
 * index, the expirations) still holds a member that names it.
 */
@RedisSessions
class RedisSessionLeftoverTests extends SessionLeftoverTests {

	@Autowired
	Environment environment;

	@Override
	Supplier<List<String>> watch(String session) {
		assertThat(leftovers(session)).as("the live session is in Redis").isNotEmpty();
		return () -> leftovers(session);
	}

	private List<String> leftovers(String session) {
		String namespace = this.environment.getRequiredProperty("spring.session.data.redis.namespace");
		List<String> found = new ArrayList<>();
		RedisClient client = RedisClient.create(System.getenv(RedisTestStore.URL_VARIABLE));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			ScanArgs matching = ScanArgs.Builder.matches(namespace + ":*").limit(1000);
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = redis.scan(cursor, matching);
				for (String key : page.getKeys()) {
					if (key.contains(session)) {
						found.add("key " + key + " (ttl " + redis.ttl(key) + " s)");
					}
					List<String> members = switch (redis.type(key)) {
						case "set" -> new ArrayList<>(redis.smembers(key));
						case "zset" -> redis.zrange(key, 0, -1);
						default -> List.of();
					};
					members.stream().filter((member) -> member.contains(session)).forEach((member) -> found
						.add("member " + member + " of " + key + " (ttl " + redis.ttl(key) + " s)"));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
		return found;
	}
}
