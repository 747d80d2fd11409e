package com.gatehouse.authkey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All SQL about revoked Auth Keys: a key's row leaves {@code auth_keys} when it is revoked (so
 * authentication and the REST API's reads never see it) and what people need to recognise it is
 * kept here, written in the revoking transaction. It goes with its user's row, or when it is older
 * than the retention ({@link RevokedKeyRetention}).
 */
@Component
final class RevokedKeyRepository {

	private static final String INSERT_REVOKED = """
			INSERT INTO revoked_keys (id, user_id, hint, name, created_at, expires_at, last_used_at, last_ip,
			                          restriction, revoked_at, revoked_by)
			VALUES (:id, :userId, :hint, :name, :created, :expires, :lastUsed, :lastIp, :restriction, :revoked, :by)
			""";

	private static final String SELECT_REVOKED = """
			SELECT k.id, k.user_id, u.login, c.handle AS company, k.hint, k.name, k.created_at, k.expires_at,
			       k.last_used_at, k.last_ip, k.restriction, k.revoked_at, k.revoked_by
			FROM revoked_keys k
			JOIN users u ON u.id = k.user_id
			JOIN companies c ON c.id = u.company_id
			WHERE k.user_id = :userId
			ORDER BY k.revoked_at DESC, k.id DESC
			""";

	private static final String DELETE_OLDER = "DELETE FROM revoked_keys WHERE revoked_at < :cutoff";

	private final JdbcClient jdbc;

	RevokedKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps {@code key}, just deleted from the live keys, as revoked at {@code revoked} by {@code by}. */
	void insert(AuthKey key, Instant revoked, @Nullable String by) {
		this.jdbc.sql(INSERT_REVOKED)
			.param("id", key.id())
			.param("userId", key.userId())
			.param("hint", key.hint())
			.param("name", key.name())
			.param("created", AuthKeyRepository.time(key.created()))
			.param("expires", AuthKeyRepository.time(key.expires()))
			.param("lastUsed", AuthKeyRepository.time(key.lastUsed()))
			.param("lastIp", key.lastIp())
			.param("restriction", key.restriction().stored())
			.param("revoked", AuthKeyRepository.time(revoked))
			.param("by", by)
			.update();
	}

	/** The user's revoked keys, the latest revoked first. */
	List<RevokedKey> find(long userId) {
		return this.jdbc.sql(SELECT_REVOKED)
			.param("userId", userId)
			.query((rs, row) -> new RevokedKey(AuthKeyRepository.mapKey(rs, row),
					rs.getObject("revoked_at", OffsetDateTime.class).toInstant(), rs.getString("revoked_by")))
			.list();
	}

	/** Deletes the records of keys revoked before {@code cutoff} and answers how many. */
	int deleteRevokedBefore(Instant cutoff) {
		return this.jdbc.sql(DELETE_OLDER).param("cutoff", AuthKeyRepository.time(cutoff)).update();
	}
}
