package com.gatehouse.gateway;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All SQL about the assertion signing keys. Keys are listed newest first; adding a generation that
 * another instance added meanwhile answers false, and the caller reads theirs.
 */
@Component
final class SigningKeyRepository {

	private static final String SELECT_ALL = """
			SELECT generation, private_jwk, created_at
			FROM gateway_signing_keys
			ORDER BY generation DESC
			""";

	private static final String INSERT = """
			INSERT INTO gateway_signing_keys (generation, kid, private_jwk, created_at)
			VALUES (:generation, :kid, :jwk, :createdAt)
			""";

	private static final String DELETE_OLDER = """
			DELETE FROM gateway_signing_keys WHERE generation < :generation
			""";

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SigningKey> findAll() {
		return this.jdbc.sql(SELECT_ALL).query(SigningKeyRepository::key).list();
	}

	/** Adds {@code key}; false when its generation exists already (another instance made it first). */
	boolean add(SigningKey key) {
		try {
			this.jdbc.sql(INSERT)
				.param("generation", key.generation())
				.param("kid", key.jwk().getKeyID())
				.param("jwk", key.jwk().toJSONString())
				.param("createdAt", OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	void deleteOlderThan(int generation) {
		this.jdbc.sql(DELETE_OLDER).param("generation", generation).update();
	}

	private static SigningKey key(ResultSet rs, int row) throws SQLException {
		try {
			Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
			return new SigningKey(rs.getInt("generation"), ECKey.parse(rs.getString("private_jwk")), created);
		}
		catch (ParseException corrupt) {
			throw new IllegalStateException("gateway_signing_keys generation " + rs.getInt("generation") + " is not a JWK");
		}
	}
}
