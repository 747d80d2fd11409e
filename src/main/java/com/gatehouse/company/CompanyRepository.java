package com.gatehouse.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.authcache.AuthChange;
import com.gatehouse.authcache.AuthChanges;
import com.gatehouse.rest.RestFailure;

/**
 * All SQL about companies. A company that still has users cannot be deleted. Adding or removing
 * one reports the change, so that every instance drops the list of handles it keeps ({@link ActingCompanies}).
 */
@Component
final class CompanyRepository {

	private static final String SELECT_COMPANIES = """
			SELECT id, handle, name, description, data FROM companies
			WHERE CAST(:handle AS VARCHAR) IS NULL OR handle = :handle
			ORDER BY id
			""";

	private static final String SELECT_HANDLES = "SELECT handle FROM companies ORDER BY id";

	private static final String INSERT_COMPANY = """
			INSERT INTO companies (handle, name, description, data) VALUES (:handle, :name, :description, :data)
			""";

	private static final String UPDATE_COMPANY = """
			UPDATE companies SET name = :name, description = :description, data = :data WHERE handle = :handle
			""";

	private static final String DELETE_COMPANY = "DELETE FROM companies WHERE handle = :handle";

	private static final int MAX_DATA_CHARS = 8000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuthChanges changes;

	CompanyRepository(JdbcClient jdbc, JsonMapper json, AuthChanges changes) {
		this.jdbc = jdbc;
		this.json = json;
		this.changes = changes;
	}

	List<Company> find(@Nullable String handle) {
		return this.jdbc.sql(SELECT_COMPANIES).param("handle", handle).query(this::mapCompany).list();
	}

	/** Every company's handle, oldest company first. */
	List<String> handles() {
		return this.jdbc.sql(SELECT_HANDLES).query(String.class).list();
	}

	Optional<Company> findByHandle(String handle) {
		return find(handle).stream().findFirst();
	}

	void insert(String handle, String name, String description, ObjectNode data) {
		try {
			this.jdbc.sql(INSERT_COMPANY)
				.param("handle", handle)
				.param("name", name)
				.param("description", description)
				.param("data", serialize(data))
				.update();
			this.changes.changed(AuthChange.companies());
		}
		catch (DataIntegrityViolationException duplicate) {
			throw RestFailure.conflict("company.exists", "A company with that id already exists");
		}
	}

	void update(String handle, String name, String description, ObjectNode data) {
		this.jdbc.sql(UPDATE_COMPANY)
			.param("handle", handle)
			.param("name", name)
			.param("description", description)
			.param("data", serialize(data))
			.update();
	}

	void delete(String handle) {
		try {
			if (this.jdbc.sql(DELETE_COMPANY).param("handle", handle).update() > 0) {
				this.changes.changed(AuthChange.companies());
			}
		}
		catch (DataIntegrityViolationException inUse) {
			throw RestFailure.conflict("company.in_use", "The company still has users");
		}
	}

	private String serialize(ObjectNode data) {
		String text = this.json.writeValueAsString(data);
		if (text.length() > MAX_DATA_CHARS) {
			throw RestFailure.badRequest("request.invalid", "data is larger than " + MAX_DATA_CHARS + " characters");
		}
		return text;
	}

	private Company mapCompany(ResultSet rs, int row) throws SQLException {
		return new Company(rs.getLong("id"), rs.getString("handle"), rs.getString("name"),
				rs.getString("description"), (ObjectNode) this.json.readTree(rs.getString("data")));
	}
}
