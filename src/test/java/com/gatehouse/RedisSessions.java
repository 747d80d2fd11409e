package com.gatehouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a black-box test class (usually a subclass of one that runs on the default JDBC store) with
 * its sessions in this machine's Redis, the one {@code GATEHOUSE_TEST_REDIS_URL} names, in a key
 * namespace of its own ({@link RedisTestStore}). Skipped when the variable is unset, so the suite
 * needs only a JDK and Maven; and in the PostgreSQL run of the suite, as where the directory lives
 * does not change what Redis does with sessions (embedded H2 and Redis sessions are a valid
 * single-machine combination).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = RedisTestStore.URL_VARIABLE, matches = ".+")
@DisabledIfSystemProperty(named = "gatehouse.test.store", matches = "postgres")
@ContextConfiguration(initializers = RedisTestStore.class)
public @interface RedisSessions {

}
