package com.gatehouse;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns our and Spring Security's loggers to DEBUG around each test, for tests that prove no
 * secret is logged even then. Set per test, not per context: the logging system is one per JVM and
 * the next context started resets it, so a cached context's logging levels cannot be trusted.
 */
public final class DebugLogging implements BeforeEachCallback, AfterEachCallback {

	private static final String[] LOGGERS = { "com.gatehouse", "org.springframework.security" };

	@Override
	public void beforeEach(ExtensionContext context) {
		for (String logger : LOGGERS) {
			system().setLogLevel(logger, LogLevel.DEBUG);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (String logger : LOGGERS) {
			system().setLogLevel(logger, null);
		}
	}

	private static LoggingSystem system() {
		return LoggingSystem.get(DebugLogging.class.getClassLoader());
	}
}
