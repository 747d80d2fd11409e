package com.gatehouse.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.gatehouse.authcache.AuthChange;
import com.gatehouse.authcache.AuthChanges;
import com.gatehouse.rest.RestFailure;

/**
 * All SQL about users. Logins are unique whatever their case. A change to a user or its removal is
 * reported to {@link AuthChanges} in the writing transaction, so every instance's cache drops it.
 */
@Component
final class UserRepository {

	/** Every user with its company's handle and its role's name; the queries below add their filters. */
	private static final String FROM_USERS = """
			SELECT u.id, u.login, u.name, c.handle AS company, r.name AS role, u.role_id, u.enabled
			FROM users u
			JOIN companies c ON c.id = u.company_id
			JOIN roles r ON r.id = u.role_id
			""";

	private static final String SELECT_USERS = FROM_USERS + """
			WHERE (CAST(:id AS BIGINT) IS NULL OR u.id = :id)
			  AND (CAST(:loginKey AS VARCHAR) IS NULL OR u.login_key = :loginKey)
			  AND (CAST(:company AS VARCHAR) IS NULL OR c.handle = :company)
			ORDER BY u.id
			""";

	/** A page of users whose login or name contains :text (lower case, LIKE-escaped with '!'), by login. */
	private static final String SEARCH_USERS = FROM_USERS + """
			WHERE (CAST(:company AS VARCHAR) IS NULL OR c.handle = :company)
			  AND (CAST(:text AS VARCHAR) IS NULL OR u.login_key LIKE :text ESCAPE '!' OR LOWER(u.name) LIKE :text ESCAPE '!')
			ORDER BY u.login_key
			LIMIT :limit OFFSET :offset
			""";

	private static final String SELECT_PASSWORD = """
			SELECT u.id, u.login, c.handle AS company, u.password_hash, u.enabled
			FROM users u
			JOIN companies c ON c.id = u.company_id
			WHERE u.login_key = :loginKey
			""";

	private static final String COUNT_USERS = "SELECT COUNT(*) FROM users";

	private static final String INSERT_USER = """
			INSERT INTO users (login, login_key, name, password_hash, company_id, role_id, enabled)
			SELECT :login, :loginKey, :name, :hash, c.id, :roleId, :enabled FROM companies c WHERE c.handle = :company
			""";

	private static final String UPDATE_USER = """
			UPDATE users
			SET login = :login, login_key = :loginKey, name = :name, role_id = :roleId, enabled = :enabled,
			    company_id = (SELECT c.id FROM companies c WHERE c.handle = :company),
			    password_hash = COALESCE(CAST(:hash AS VARCHAR), password_hash)
			WHERE id = :id AND EXISTS (SELECT 1 FROM companies c WHERE c.handle = :company)
			""";

	private static final String DELETE_USER = "DELETE FROM users WHERE id = :id";

	// The user's row alone: FOR UPDATE over the join would lock its company and role for everyone.
	private static final String LOCK_USER = "SELECT id FROM users WHERE id = :id FOR UPDATE";

	private final JdbcClient jdbc;

	private final AuthChanges changes;

	UserRepository(JdbcClient jdbc, AuthChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	List<User> find(@Nullable Long id, @Nullable String login, @Nullable String company) {
		return this.jdbc.sql(SELECT_USERS)
			.param("id", id)
			.param("loginKey", (login != null) ? key(login) : null)
			.param("company", company)
			.query(UserRepository::mapUser)
			.list();
	}

	/** Up to {@code limit} users from {@code offset} of {@code company} (null: all) whose login or name contains {@code text}. */
	List<User> search(@Nullable String company, @Nullable String text, int offset, int limit) {
		return this.jdbc.sql(SEARCH_USERS)
			.param("company", company)
			.param("text", (text != null) ? "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%" : null)
			.param("limit", limit)
			.param("offset", offset)
			.query(UserRepository::mapUser)
			.list();
	}

	public Optional<User> findById(long id) {
		return find(id, null, null).stream().findFirst();
	}

	/**
	 * Locks the user's row until the caller's transaction ends, so that work which must not
	 * interleave for one user (the session cap at login) runs one at a time across every instance
	 * on the store; answers the user, or empty when it is gone.
	 */
	public Optional<User> lockById(long id) {
		return this.jdbc.sql(LOCK_USER).param("id", id).query(Long.class).optional().flatMap(this::findById);
	}

	Optional<StoredPassword> findPassword(String login) {
		return this.jdbc.sql(SELECT_PASSWORD)
			.param("loginKey", key(login))
			.query((rs, row) -> new StoredPassword(rs.getLong("id"), rs.getString("login"), rs.getString("company"),
					rs.getString("password_hash"), rs.getBoolean("enabled")))
			.optional();
	}

	boolean isEmpty() {
		return this.jdbc.sql(COUNT_USERS).query(Long.class).single() == 0;
	}

	/** Inserts the user and answers its id; fails with 400 when its company does not exist. */
	long insert(User user, String passwordHash) {
		int inserted = onDuplicateLogin(() -> this.jdbc.sql(INSERT_USER)
			.param("login", user.login())
			.param("loginKey", key(user.login()))
			.param("name", user.name())
			.param("hash", passwordHash)
			.param("company", user.company())
			.param("roleId", user.roleId())
			.param("enabled", user.enabled())
			.update());
		requireCompany(inserted);
		return findPassword(user.login()).orElseThrow().userId();
	}

	/**
	 * Writes every member of {@code user}, and the password hash when it is not null; fails with 400
	 * when its company does not exist.
	 */
	void update(User user, @Nullable String passwordHash) {
		int updated = onDuplicateLogin(() -> this.jdbc.sql(UPDATE_USER)
			.param("id", user.id())
			.param("login", user.login())
			.param("loginKey", key(user.login()))
			.param("name", user.name())
			.param("company", user.company())
			.param("roleId", user.roleId())
			.param("enabled", user.enabled())
			.param("hash", passwordHash)
			.update());
		requireCompany(updated);
		this.changes.changed(AuthChange.user(user.id()));
	}

	void delete(long id) {
		this.jdbc.sql(DELETE_USER).param("id", id).update();
		this.changes.changed(AuthChange.user(id));
	}

	private static void requireCompany(int written) {
		if (written == 0) {
			throw RestFailure.badRequest("company.unknown", "There is no such company");
		}
	}

	private static int onDuplicateLogin(IntSupplier write) {
		try {
			return write.getAsInt();
		}
		catch (DataIntegrityViolationException duplicate) {
			throw RestFailure.conflict("user.exists", "A user with that login already exists");
		}
	}

	private static User mapUser(ResultSet rs, int row) throws SQLException {
		return new User(rs.getLong("id"), rs.getString("login"), rs.getString("name"), rs.getString("company"),
				rs.getString("role"), rs.getLong("role_id"), rs.getBoolean("enabled"));
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static String key(String login) {
		return login.toLowerCase(Locale.ROOT);
	}
}
