package com.gatehouse.role;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import com.gatehouse.authcache.AuthChange;
import com.gatehouse.authcache.AuthChanges;
import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;
import com.gatehouse.rest.RestFailure;

/**
 * All SQL about roles and their permissions. A role name is unique among the roles usable in one
 * company (its own and the global ones); a role still assigned to a user cannot be deleted. A change
 * to a role is reported to {@link AuthChanges} in the writing transaction: its holders' permissions
 * change on every instance.
 */
@Component
final class RoleRepository {

	private static final String SELECT_ROLES = """
			SELECT r.id, r.name, c.handle AS company, r.builtin, p.perm, p.grant_level
			FROM roles r
			LEFT JOIN companies c ON c.id = r.company_id
			LEFT JOIN role_perms p ON p.role_id = r.id
			WHERE (CAST(:id AS BIGINT) IS NULL OR r.id = :id)
			  AND (CAST(:nameKey AS VARCHAR) IS NULL OR r.name_key = :nameKey)
			  AND (CAST(:usableIn AS VARCHAR) IS NULL OR r.company_id IS NULL OR c.handle = :usableIn)
			ORDER BY r.id
			""";

	private static final String SELECT_PERMS = """
			SELECT perm, grant_level FROM role_perms WHERE role_id = :roleId
			""";

	private static final String COUNT_NAME_CLASHES = """
			SELECT COUNT(*) FROM roles r LEFT JOIN companies c ON c.id = r.company_id
			WHERE r.name_key = :nameKey AND r.id <> :exceptId
			  AND (CAST(:company AS VARCHAR) IS NULL OR r.company_id IS NULL OR c.handle = :company)
			""";

	private static final String INSERT_GLOBAL_ROLE = """
			INSERT INTO roles (company_id, scope_key, name, name_key, builtin) VALUES (NULL, 0, :name, :nameKey, FALSE)
			""";

	private static final String INSERT_COMPANY_ROLE = """
			INSERT INTO roles (company_id, scope_key, name, name_key, builtin)
			SELECT c.id, c.id, :name, :nameKey, FALSE FROM companies c WHERE c.handle = :company
			""";

	private static final String RENAME_ROLE = """
			UPDATE roles SET name = :name, name_key = :nameKey WHERE id = :id AND builtin = FALSE
			""";

	private static final String DELETE_PERMS = "DELETE FROM role_perms WHERE role_id = :roleId";

	private static final String INSERT_PERM = """
			INSERT INTO role_perms (role_id, perm, grant_level) VALUES (:roleId, :perm, :grant)
			""";

	private static final String LOCK_ROLE = "SELECT id FROM roles WHERE id = :id FOR UPDATE";

	private static final String DELETE_ROLE = "DELETE FROM roles WHERE id = :id AND builtin = FALSE";

	private final JdbcClient jdbc;

	private final AuthChanges changes;

	RoleRepository(JdbcClient jdbc, AuthChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/** Roles matching the non-null filters; {@code usableIn} keeps the global roles and that company's. */
	List<Role> find(@Nullable Long id, @Nullable String name, @Nullable String usableIn) {
		Map<Long, Role> roles = new LinkedHashMap<>();
		Map<Long, Map<String, Grant>> perms = new LinkedHashMap<>();
		this.jdbc.sql(SELECT_ROLES)
			.param("id", id)
			.param("nameKey", (name != null) ? key(name) : null)
			.param("usableIn", usableIn)
			.query((ResultSet rs) -> {
				long roleId = rs.getLong("id");
				if (!roles.containsKey(roleId)) {
					roles.put(roleId, new Role(roleId, rs.getString("name"), rs.getString("company"),
							rs.getBoolean("builtin"), Permissions.none()));
				}
				Map<String, Grant> grants = perms.computeIfAbsent(roleId, (ignored) -> new LinkedHashMap<>());
				String perm = rs.getString("perm");
				if (perm != null) {
					grants.put(perm, grant(rs.getString("grant_level")));
				}
			});
		return roles.values()
			.stream()
			.map((role) -> new Role(role.id(), role.name(), role.company(), role.builtin(), new Permissions(perms.get(role.id()))))
			.toList();
	}

	/** The roles a user of {@code company} may hold: the global ones and the company's own. */
	public List<Role> usableIn(String company) {
		return find(null, null, company);
	}

	public Optional<Role> findById(long id) {
		return find(id, null, null).stream().findFirst();
	}

	/**
	 * Locks the role's row until the caller's transaction ends and answers the role as it is then:
	 * changes of one role run one at a time on every instance, each on what the last one left.
	 */
	Optional<Role> lockById(long id) {
		return this.jdbc.sql(LOCK_ROLE).param("id", id).query(Long.class).optional().flatMap(this::findById);
	}

	/** The role called {@code name} that a user of {@code company} may hold: the company's own first. */
	public Optional<Role> findUsable(String name, String company) {
		return find(null, name, company).stream()
			.min((a, b) -> Boolean.compare(a.company() == null, b.company() == null));
	}

	public Permissions permsOf(long roleId) {
		Map<String, Grant> grants = new LinkedHashMap<>();
		this.jdbc.sql(SELECT_PERMS)
			.param("roleId", roleId)
			.query((ResultSet rs) -> {
				grants.put(rs.getString("perm"), grant(rs.getString("grant_level")));
			});
		return new Permissions(grants);
	}

	long insert(String name, @Nullable String company, Permissions perms) {
		requireUniqueName(name, company, 0);
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = onDuplicateName(() -> this.jdbc.sql((company == null) ? INSERT_GLOBAL_ROLE : INSERT_COMPANY_ROLE)
			.param("name", name)
			.param("nameKey", key(name))
			.param("company", company)
			.update(keys, "id"));
		if (inserted == 0) {
			throw RestFailure.badRequest("company.unknown", "There is no such company");
		}
		long id = keys.getKeyAs(Number.class).longValue();
		replacePerms(id, perms);
		return id;
	}

	void rename(Role role, String name) {
		requireUniqueName(name, role.company(), role.id());
		onDuplicateName(() -> this.jdbc.sql(RENAME_ROLE)
			.param("id", role.id())
			.param("name", name)
			.param("nameKey", key(name))
			.update());
		this.changes.changed(AuthChange.role(role.id()));
	}

	void replacePerms(long roleId, Permissions perms) {
		this.jdbc.sql(DELETE_PERMS).param("roleId", roleId).update();
		perms.grants()
			.forEach((perm, grant) -> this.jdbc.sql(INSERT_PERM)
				.param("roleId", roleId)
				.param("perm", perm)
				.param("grant", grant.word())
				.update());
		this.changes.changed(AuthChange.role(roleId));
	}

	void delete(long id) {
		try {
			this.jdbc.sql(DELETE_ROLE).param("id", id).update();
		}
		catch (DataIntegrityViolationException assigned) {
			throw RestFailure.conflict("role.in_use", "The role is still assigned to users");
		}
		this.changes.changed(AuthChange.role(id));
	}

	private void requireUniqueName(String name, @Nullable String company, long exceptId) {
		// A global role's name must clash with no role at all; a company role's with none usable there.
		long clashes = this.jdbc.sql(COUNT_NAME_CLASHES)
			.param("nameKey", key(name))
			.param("exceptId", exceptId)
			.param("company", company)
			.query(Long.class)
			.single();
		if (clashes > 0) {
			throw duplicateName();
		}
	}

	private static int onDuplicateName(java.util.function.IntSupplier write) {
		try {
			return write.getAsInt();
		}
		catch (DataIntegrityViolationException duplicate) {
			throw duplicateName();
		}
	}

	private static RestFailure duplicateName() {
		return RestFailure.conflict("role.exists", "A role with that name already exists");
	}

	private static Grant grant(String word) {
		return Grant.fromWord(word).orElseThrow();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
