package com.gatehouse.rest;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a store that is down or cut off (answer 503, the client retries) from a bug (answer 500).
 * Spring translates both stores' failures into its {@code DataAccessException}s: a database that
 * cannot be reached, and a Redis that cannot (Spring Data Redis' {@code RedisConnectionFailureException}
 * is a {@link DataAccessResourceFailureException}) or does not answer in time (Lettuce's command
 * timeout becomes a {@link QueryTimeoutException}). Any other error from a store, such as a
 * Redis command refused, is a bug.
 */
final class StoreFailures {

	private StoreFailures() {
	}

	static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
					|| cause instanceof java.sql.SQLTransientConnectionException
					|| cause instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}
}
