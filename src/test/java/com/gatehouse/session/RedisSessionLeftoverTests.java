package com.gatehouse.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
		List<String> found = new ArrayList<>();
		RedisTestStore.inNamespace(System.getenv(RedisTestStore.URL_VARIABLE),
				this.environment.getRequiredProperty("spring.session.data.redis.namespace"), (redis, keys) -> {
					for (String key : keys) {
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
				});
		return found;
	}
}
