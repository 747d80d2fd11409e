package com.gatehouse.cli;

/**
 * The store could not be opened or went away (exit status 3): the database is down or refused the
 * connection, the embedded store is held by a process that does not share it, or the configuration
 * does not start. Its message is the innermost cause's first line, which names the trouble without
 * a stack trace and without the configuration's secrets.
 */
final class StoreUnavailable extends RuntimeException {

	StoreUnavailable(Throwable failure) {
		super(innermost(failure), failure);
	}

	/** The first line of the innermost cause's message (its type's name when it has none). */
	static String innermost(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message).strip();
	}
}
