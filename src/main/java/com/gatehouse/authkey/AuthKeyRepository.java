package com.gatehouse.authkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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

import com.gatehouse.rest.RestFailure;

/** All SQL about Auth Keys. Keys are found by digest; a key's row goes with its user's. */
@Component
final class AuthKeyRepository {

	private static final String SELECT_KEYS = """
			SELECT k.id, k.user_id, k.hint, k.created_at
			FROM auth_keys k
			JOIN users u ON u.id = k.user_id
			JOIN companies c ON c.id = u.company_id
			WHERE (CAST(:id AS BIGINT) IS NULL OR k.id = :id)
			  AND (CAST(:userId AS BIGINT) IS NULL OR k.user_id = :userId)
			  AND (CAST(:company AS VARCHAR) IS NULL OR c.handle = :company)
			ORDER BY k.id
			""";

	private static final String SELECT_OWNER = "SELECT user_id FROM auth_keys WHERE digest = :digest";

	private static final String INSERT_KEY = """
			INSERT INTO auth_keys (user_id, digest, hint, created_at) VALUES (:userId, :digest, :hint, :created)
			""";

	private static final String REPLACE_KEY = """
			UPDATE auth_keys SET digest = :digest, hint = :hint, created_at = :created WHERE id = :id
			""";

	private static final String DELETE_KEY = "DELETE FROM auth_keys WHERE id = :id";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuthKeyRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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

	/** The id of the user who owns the key with this digest. */
	Optional<Long> findOwner(String digest) {
		return this.jdbc.sql(SELECT_OWNER).param("digest", digest).query(Long.class).optional();
	}

	long insert(long userId, String key) {
		KeyHolder keys = new GeneratedKeyHolder();
		onDuplicateKey(() -> this.jdbc.sql(INSERT_KEY)
			.param("userId", userId)
			.param("digest", AuthKeyFormat.digest(key))
			.param("hint", AuthKeyFormat.hint(key))
			.param("created", now())
			.update(keys, "id"));
		return keys.getKeyAs(Number.class).longValue();
	}

	void replace(long id, String key) {
		onDuplicateKey(() -> this.jdbc.sql(REPLACE_KEY)
			.param("id", id)
			.param("digest", AuthKeyFormat.digest(key))
			.param("hint", AuthKeyFormat.hint(key))
			.param("created", now())
			.update());
	}

	void delete(long id) {
		this.jdbc.sql(DELETE_KEY).param("id", id).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static void onDuplicateKey(Runnable write) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException duplicate) {
			throw RestFailure.conflict("authinfo.exists", "That key is already in use");
		}
	}

	private static AuthKey mapKey(ResultSet rs, int row) throws SQLException {
		return new AuthKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("hint"),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
