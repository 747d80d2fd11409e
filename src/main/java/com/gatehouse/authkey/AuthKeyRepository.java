package com.gatehouse.authkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import com.gatehouse.authcache.AuthChange;
import com.gatehouse.authcache.AuthChanges;
import com.gatehouse.rest.RestFailure;

/**
 * All SQL about Auth Keys. A key is found by the digest of its value, or of the value a rotation
 * replaced while that one's grace period lasts; a key's row goes with its user's. A change to a key
 * is reported to {@link AuthChanges} in the writing transaction, so every instance's cache drops it.
 */
@Component
final class AuthKeyRepository {

	private static final String KEY_COLUMNS = """
			k.id, k.user_id, u.login, c.handle AS company, k.hint, k.name, k.created_at, k.expires_at, \
			k.last_used_at, k.last_ip, k.restriction""";

	private static final String KEYS_AND_OWNERS = """
			FROM auth_keys k
			JOIN users u ON u.id = k.user_id
			JOIN companies c ON c.id = u.company_id""";

	private static final String SELECT_KEYS = """
			SELECT %s
			%s
			WHERE (CAST(:id AS BIGINT) IS NULL OR k.id = :id)
			  AND (CAST(:userId AS BIGINT) IS NULL OR k.user_id = :userId)
			  AND (CAST(:company AS VARCHAR) IS NULL OR c.handle = :company)
			ORDER BY k.id
			""".formatted(KEY_COLUMNS, KEYS_AND_OWNERS);

	// Two lookups, each on its own unique index, rather than one OR across both columns, which not
	// every store answers from its indexes. A current value wins over a replaced one. Whether a
	// replaced value is still valid is left to the reader's clock: the result may be cached.
	private static final String SELECT_BY_DIGEST = """
			SELECT %1$s, FALSE AS previous_value, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS valid_until
			%2$s
			WHERE k.digest = :digest
			UNION ALL
			SELECT %1$s, TRUE AS previous_value, k.previous_valid_until AS valid_until
			%2$s
			WHERE k.previous_digest = :digest AND k.previous_valid_until IS NOT NULL
			ORDER BY previous_value
			""".formatted(KEY_COLUMNS, KEYS_AND_OWNERS);

	private static final String COUNT_PREVIOUS = "SELECT COUNT(*) FROM auth_keys WHERE previous_digest = :digest";

	private static final String INSERT_KEY = """
			INSERT INTO auth_keys (user_id, digest, hint, created_at, name, expires_at, restriction)
			VALUES (:userId, :digest, :hint, :created, :name, :expires, :restriction)
			""";

	private static final String UPDATE_KEY = "UPDATE auth_keys SET name = :name, expires_at = :expires WHERE id = :id";

	// The right-hand sides read the row as it was: the replaced digest becomes the previous one.
	private static final String REPLACE_VALUE = """
			UPDATE auth_keys
			SET previous_digest = CASE WHEN CAST(:previousValidUntil AS TIMESTAMP WITH TIME ZONE) IS NULL
			                           THEN NULL ELSE digest END,
			    previous_valid_until = :previousValidUntil,
			    digest = :digest, hint = :hint, created_at = :created
			WHERE id = :id
			""";

	private static final String RECORD_USE = """
			UPDATE auth_keys SET last_used_at = :now, last_ip = :ip
			WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)
			""";

	private static final String DELETE_KEY = "DELETE FROM auth_keys WHERE id = :id";

	private static final String FORGET_PREVIOUS = """
			UPDATE auth_keys SET previous_digest = NULL, previous_valid_until = NULL
			WHERE id = :id AND previous_digest = :digest
			""";

	private static final int MAX_IP = 64;

	private final JdbcClient jdbc;

	private final AuthChanges changes;

	AuthKeyRepository(JdbcClient jdbc, AuthChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	List<AuthKey> find(@Nullable Long id, @Nullable Long userId, @Nullable String company) {
		return this.jdbc.sql(SELECT_KEYS)
			.param("id", id)
			.param("userId", userId)
			.param("company", company)
			.query(AuthKeyRepository::mapKey)
			.list();
	}

	Optional<AuthKey> findById(long id) {
		return find(id, null, null).stream().findFirst();
	}

	/** The key whose value has this digest: its current value, or its previous one until {@code now}. */
	Optional<Match> findByDigest(String digest, Instant now) {
		return Match.usableAt(findAllByDigest(digest), now);
	}

	/** Every key this digest names, current value first, whether or not a replaced value is still valid. */
	List<Match> findAllByDigest(String digest) {
		return this.jdbc.sql(SELECT_BY_DIGEST)
			.param("digest", digest)
			.query((rs, row) -> new Match(mapKey(rs, row), rs.getBoolean("previous_value"), instant(rs, "valid_until")))
			.list();
	}

	long insert(long userId, String key, String name, @Nullable Instant expires, KeyRestriction restriction,
			Instant now) {
		String digest = AuthKeyFormat.digest(key);
		requireUnused(digest);
		KeyHolder keys = new GeneratedKeyHolder();
		onDuplicateKey(() -> this.jdbc.sql(INSERT_KEY)
			.param("userId", userId)
			.param("digest", digest)
			.param("hint", AuthKeyFormat.hint(key))
			.param("created", time(now))
			.param("name", name)
			.param("expires", time(expires))
			.param("restriction", restriction.stored())
			.update(keys, "id"));
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(long id, String name, @Nullable Instant expires) {
		this.jdbc.sql(UPDATE_KEY).param("id", id).param("name", name).param("expires", time(expires)).update();
		this.changes.changed(AuthChange.key(id));
	}

	/**
	 * Gives the key a new value issued at {@code now}; the value it had keeps working until
	 * {@code previousValidUntil}, or stops at once when that is null.
	 */
	void replaceValue(long id, String key, @Nullable Instant previousValidUntil, Instant now) {
		String digest = AuthKeyFormat.digest(key);
		requireUnused(digest);
		onDuplicateKey(() -> this.jdbc.sql(REPLACE_VALUE)
			.param("id", id)
			.param("previousValidUntil", time(previousValidUntil))
			.param("digest", digest)
			.param("hint", AuthKeyFormat.hint(key))
			.param("created", time(now))
			.update());
		this.changes.changed(AuthChange.key(id));
	}

	/** Stamps the key as used now from {@code ip}, unless it already was since {@code since}: most calls write nothing. */
	void recordUse(long id, Instant now, Instant since, @Nullable String ip) {
		this.jdbc.sql(RECORD_USE)
			.param("id", id)
			.param("now", time(now))
			.param("ip", (ip != null && ip.length() > MAX_IP) ? ip.substring(0, MAX_IP) : ip)
			.param("since", time(since))
			.update();
	}

	/** Answers whether this call deleted the key (false when it was already gone). */
	boolean delete(long id) {
		return changed(id, this.jdbc.sql(DELETE_KEY).param("id", id).update() == 1);
	}

	/** Ends the previous value of a rotated key; answers whether it was this digest's to end. */
	boolean forgetPrevious(long id, String digest) {
		return changed(id, this.jdbc.sql(FORGET_PREVIOUS).param("id", id).param("digest", digest).update() == 1);
	}

	private boolean changed(long id, boolean written) {
		if (written) {
			this.changes.changed(AuthChange.key(id));
		}
		return written;
	}

	/** A value that was replaced by a rotation still names its key; it is never reused for another. */
	private void requireUnused(String digest) {
		if (this.jdbc.sql(COUNT_PREVIOUS).param("digest", digest).query(Long.class).single() > 0) {
			throw keyInUse();
		}
	}

	static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static void onDuplicateKey(Runnable write) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException duplicate) {
			throw keyInUse();
		}
	}

	private static RestFailure keyInUse() {
		return RestFailure.conflict("authinfo.exists", "That key is already in use");
	}

	/** One key of a row with the columns of {@code KEY_COLUMNS} (also those {@link RevokedKeyRepository} selects). */
	static AuthKey mapKey(ResultSet rs, int row) throws SQLException {
		return new AuthKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("login"), rs.getString("company"),
				rs.getString("hint"), rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				instant(rs, "expires_at"), instant(rs, "last_used_at"), rs.getString("last_ip"),
				KeyRestriction.fromStored(rs.getString("restriction")));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * A key found by a presented value, and whether that value is the one a rotation replaced, which
	 * works until {@code validUntil} (null for a current value).
	 */
	record Match(AuthKey key, boolean previousValue, @Nullable Instant validUntil) {

		/** The first match that authenticates at {@code now}: a replaced value only within its grace period. */
		static Optional<Match> usableAt(List<Match> matches, Instant now) {
			return matches.stream()
				.filter((match) -> match.validUntil() == null || now.isBefore(match.validUntil()))
				.findFirst();
		}
	}
}
