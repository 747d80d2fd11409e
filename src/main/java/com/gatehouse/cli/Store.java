package com.gatehouse.cli;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;

/**
 * The configured store, opened for one command: the service's own application context, with the
 * service's configuration (environment variables, system properties, {@code application.properties}
 * beside the jar), so every rule and both session stores are exactly the service's, but with no
 * port open (not even a management port), no scheduled housekeeping and no first-admin bootstrap
 * (profile {@code admin-cli}). Spring Session's stores are configured only in a web application
 * context, hence one that serves nothing rather than a plain one.
 */
final class Store implements AutoCloseable {

	static final String PROFILE = "admin-cli";

	/** Over anything configured: a {@code SERVER_PORT} meant for the service must not open a port here. */
	private static final Map<String, Object> FORCED = Map.of("server.port", "-1", "management.server.port", "-1",
			"spring.main.log-startup-info", "false");

	private final ConfigurableApplicationContext context;

	private final Caller operator;

	private Store(ConfigurableApplicationContext context, Caller operator) {
		this.context = context;
		this.operator = operator;
	}

	/**
	 * Opens the store {@code application} is configured with, {@code settings} (from the command's
	 * arguments) over its configuration; {@link StoreUnavailable} when it cannot be.
	 */
	static Store open(Class<?> application, Map<String, Object> settings) {
		SpringApplication spring = new SpringApplication(application);
		spring.setAdditionalProfiles(PROFILE);
		spring.setBannerMode(Banner.Mode.OFF);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("admin-cli-arguments", settings));
		environment.getPropertySources().addFirst(new MapPropertySource("admin-cli", FORCED));
		spring.setEnvironment(environment);
		try {
			return new Store(spring.run(), Operator.caller());
		}
		catch (RuntimeException failure) {
			throw new StoreUnavailable(failure);
		}
	}

	Caller operator() {
		return this.operator;
	}

	<T> T service(Class<T> type) {
		return this.context.getBean(type);
	}

	/** The user {@code login} names (whatever its case); 404 {@code user.unknown} when none does. */
	Manageable<User> user(String login) {
		return service(UserAccess.class).manageable(this.operator, login);
	}

	/** Checks a command with the constraints of its record, the ones the REST API and the console apply. */
	void check(Object command) {
		Set<ConstraintViolation<Object>> violations = service(Validator.class).validate(command);
		if (!violations.isEmpty()) {
			throw RestFailure.badRequest("request.invalid", violations.stream()
				.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; ")));
		}
	}

	@Override
	public void close() {
		this.context.close();
	}
}
