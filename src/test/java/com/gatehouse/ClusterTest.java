package com.gatehouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A test that starts several instances of the service with {@link Cluster}. They need a real
 * PostgreSQL, so they run in the suite's PostgreSQL run only (pom.xml's {@code postgres} profile,
 * which .ci/run switches on), once per build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = "gatehouse.test.store", matches = "postgres")
public @interface ClusterTest {

}
