package com.gatehouse.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;

/**
 * A logger whose lines reach the console appender only, never the log file: for the one secret an
 * operator must see once (the generated first password). Through the logger, a console set to
 * structured JSON ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) gets a JSON line like any other,
 * where a raw print would break the stream.
 *
 * Wired when asked for, not once: Spring Boot resets Logback's loggers whenever an application
 * (re)initializes logging. Without Logback's console appender (a custom logging config) there is no
 * console-only route, and the line is printed to standard output as before.
 */
final class ConsoleOnlyLog {

	static final String NAME = "com.gatehouse.console-only";

	private static final String CONSOLE_APPENDER = "CONSOLE";

	private ConsoleOnlyLog() {
	}

	/** Logs {@code line} at INFO to the console alone; false when no console appender exists. */
	static boolean info(String line) {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return false;
		}
		Appender<ch.qos.logback.classic.spi.ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender(CONSOLE_APPENDER);
		if (console == null) {
			return false;
		}
		ch.qos.logback.classic.Logger logger = context.getLogger(NAME);
		logger.setAdditive(false);
		if (logger.getAppender(CONSOLE_APPENDER) == null) {
			logger.addAppender(console);
		}
		logger.setLevel(ch.qos.logback.classic.Level.INFO);
		logger.info(line);
		return true;
	}
}
