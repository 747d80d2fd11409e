package com.gatehouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A black-box test against the whole service on a random port, on the suite's store (H2 by default,
 * PostgreSQL when the suite runs with GATEHOUSE_TEST_POSTGRES_URL). Tests share the store, so each
 * makes its own companies and users through {@link Directory}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface GatehouseTest {

}
