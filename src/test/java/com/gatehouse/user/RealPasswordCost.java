package com.gatehouse.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Put next to {@code @GatehouseTest} on a test about password hashing itself (its timing, its
 * throttle): passwords are hashed at the production cost, OWASP's Argon2id (m=19 MiB, t=2), instead
 * of the suite's low test-only cost (application-test.properties). Each such class costs an
 * application context of its own, and every hash it makes costs tens of milliseconds: keep them few.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "gatehouse.passwords.hash-memory=19MB", "gatehouse.passwords.hash-iterations=2" })
public @interface RealPasswordCost {

}
