package com.gatehouse;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit extension of every {@link GatehouseTest}: before a test runs, it sets the test's fields
 * of type {@link Api}, a client of the service that the test's application context runs on its
 * random port, and of every fixture type made from such a client alone (a class whose only
 * constructor takes one {@link Api}: {@link Directory}, {@code authkey/KeyCalls},
 * {@code role/RoleCalls}...). All of them share one client per test instance. Static and final
 * fields, and fields already set by their initializer, are left alone; a test that talks to a second
 * instance sets that client (and its fixtures) over these in its {@code @BeforeEach}.
 */
public final class ServiceFixtures implements TestInstancePostProcessor {

	@Override
	public void postProcessTestInstance(Object test, ExtensionContext context) throws ReflectiveOperationException {
		Api api = null;
		for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!isFixture(field)) {
					continue;
				}
				field.setAccessible(true);
				if (field.get(test) == null) {
					api = (api != null) ? api : new Api(port(context));
					field.set(test, make(field.getType(), api));
				}
			}
		}
	}

	private static boolean isFixture(Field field) {
		if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
			return false;
		}
		Constructor<?>[] constructors = field.getType().getDeclaredConstructors();
		return field.getType() == Api.class || (constructors.length == 1
				&& Arrays.equals(constructors[0].getParameterTypes(), new Class<?>[] { Api.class }));
	}

	private static Object make(Class<?> type, Api api) throws ReflectiveOperationException {
		if (type == Api.class) {
			return api;
		}
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		constructor.setAccessible(true);
		return constructor.newInstance(api);
	}

	private static int port(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
	}
}
