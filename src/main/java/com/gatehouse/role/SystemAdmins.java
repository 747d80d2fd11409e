package com.gatehouse.role;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;
import com.gatehouse.rest.RestFailure;

/**
 * Keeps the invariant "at least one enabled System-Admin" (a user that is enabled and whose role
 * grants {@code admin: yes}) against every change that could break it: a user disabled, deleted,
 * given another role or moved to another company, and a role's permissions edited. Such a change
 * runs through {@link #keepOne}: in one transaction that first locks the built-in System-Admin
 * role's row (which never changes, so the lock guards nothing else), then writes, then counts the
 * enabled System-Admins left, rolling back with 409 {@code user.last_system_admin} when none is.
 * Two such changes, on any instances sharing the store, therefore never both count before either
 * writes: the second waits for the first to end and counts what it left.
 */
@Component
public final class SystemAdmins {

	private static final String LOCK = """
			SELECT id FROM roles WHERE builtin = TRUE AND company_id IS NULL AND name_key = 'system-admin' FOR UPDATE
			""";

	private static final String COUNT_ENABLED = """
			SELECT COUNT(*) FROM users u JOIN role_perms p ON p.role_id = u.role_id
			WHERE u.enabled = TRUE AND p.perm = :perm AND p.grant_level = :grant
			""";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	SystemAdmins(JdbcClient jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Runs {@code change} in a transaction (the caller's, if it is in one) under the lock, and answers
	 * what it answered unless it left no enabled System-Admin: then 409, and nothing of it is kept.
	 */
	public <T> T keepOne(Supplier<T> change) {
		return this.transactions.execute((status) -> {
			this.jdbc.sql(LOCK).query(Long.class).list();
			T result = change.get();
			long left = this.jdbc.sql(COUNT_ENABLED)
				.param("perm", Permissions.ADMIN)
				.param("grant", Grant.YES.word())
				.query(Long.class)
				.single();
			if (left == 0) {
				throw RestFailure.conflict("user.last_system_admin",
						"This would leave no enabled System-Admin: enable or make another one first");
			}
			return result;
		});
	}

	/** {@link #keepOne} for a change that answers nothing. */
	public void keepOne(Runnable change) {
		keepOne(() -> {
			change.run();
			return null;
		});
	}
}
