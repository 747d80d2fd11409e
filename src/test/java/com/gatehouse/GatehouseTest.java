package com.gatehouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A black-box test against the whole service on a random port, on the suite's store (H2 by default,
 * PostgreSQL when the suite runs with GATEHOUSE_TEST_POSTGRES_URL). Tests share the store, so each
 * makes its own companies and users through {@link Directory}. The test's fields of type {@link Api},
 * {@link Directory} and the other fixtures made from an {@link Api} are set before each test
 * ({@link ServiceFixtures}). Passwords are hashed at a low test-only cost (application-test.properties),
 * unless the test is about the hashing itself ({@code user/RealPasswordCost}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ServiceFixtures.class)
public @interface GatehouseTest {

}
