package com.gatehouse.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

import com.gatehouse.GatehouseTest;

/**
 * A {@link GatehouseTest} with the gateway on, in front of {@link GatewayFixture}'s recording upstream
 * and policy file, and a management port of its own. The settings come from one initializer rather
 * than a {@code @DynamicPropertySource} method in each class: such a method is part of the test
 * context's cache key, so every class would start an application of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GatehouseTest
@ContextConfiguration(initializers = GatewayFixture.Settings.class)
@interface GatewayTest {

}
