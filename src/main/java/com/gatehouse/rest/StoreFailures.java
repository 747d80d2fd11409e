package com.gatehouse.rest;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a store that is down or cut off (answer 503, the client retries) from a bug (answer 500).
 * Spring translates both stores' failures into its {@code DataAccessException}s: a database that
 * cannot be reached, and a Redis that cannot (Spring Data Redis' {@code RedisConnectionFailureException}
 * is a {@link DataAccessResourceFailureException}) or does not answer in time (Lettuce's command
 * timeout becomes a {@link QueryTimeoutException}). Any other error from a store, such as a
 * Redis command refused, is a bug.
 */
public final class StoreFailures {

	/** SQL's class of connection exceptions (SQL:2016 §24.1), e.g. 08003 "connection is closed". */
	private static final String CONNECTION_EXCEPTION = "08";

	private StoreFailures() {
	}

	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
					|| cause instanceof java.sql.SQLTransientConnectionException
					|| cause instanceof java.net.ConnectException || isConnectionLost(cause)) {
				return true;
			}
			// A write cut off mid-transaction fails again on its rollback; the rollback's failure
			// hides the one that says why.
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isUnavailable(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionLost(Throwable failure) {
		return failure instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith(CONNECTION_EXCEPTION);
	}
}
