package com.gatehouse.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Grant;
import com.gatehouse.role.Role;
import com.gatehouse.role.ChangeRole;
import com.gatehouse.role.CreateRole;

/**
 * The role form as typed: a name, a company (blank: every company), and one row per permission,
 * each a name and a grant ("", "company" or "yes"). The rows arrive as two parallel lists
 * ({@code permName}, {@code permGrant}), one entry per row, so the form works without JavaScript:
 * the names the admin could grant are listed, with a few blank rows to name others. A row's field
 * is {@code perm-<index>}, where its error is shown. {@code version} is the role's version when the
 * form was opened ("" for a new role), so that saving over a colleague's change is refused.
 */
record RoleForm(String name, String company, String version, List<Row> rows) {

	/** Blank rows offered for permissions not listed yet. */
	private static final int BLANK_ROWS = 3;

	/** One permission row: its name and grant word ("" for none). */
	record Row(String name, String grant) {
	}

	static RoleForm of(@Nullable String name, @Nullable String company, @Nullable String version,
			@Nullable List<String> names, @Nullable List<String> grants) {
		List<Row> rows = new ArrayList<>();
		int count = Math.max(size(names), size(grants));
		for (int i = 0; i < count; i++) {
			rows.add(new Row(at(names, i).strip(), at(grants, i).strip()));
		}
		return new RoleForm((name != null) ? name.strip() : "", (company != null) ? company.strip() : "",
				(version != null) ? version.strip() : "", rows);
	}

	/** A new role's form: every permission name in {@code offered} ungranted. */
	static RoleForm empty(String company, Set<String> offered) {
		return new RoleForm("", company, "", rows(Map.of(), offered));
	}

	/** The form of an existing role: its grants, and the other names in {@code offered} ungranted. */
	static RoleForm of(Role role, Set<String> offered) {
		return new RoleForm(role.name(), (role.company() != null) ? role.company() : "", role.version(),
				rows(role.perms().asJson(), offered));
	}

	/** The command to create the role the form describes; errors of its rows go to {@code errors} ({@link #grants}). */
	CreateRole create(FormErrors errors) {
		return new CreateRole(given(this.name), given(this.company), grants(errors));
	}

	/** The command to change a role as the form describes it; errors of its rows go to {@code errors}. */
	ChangeRole change(FormErrors errors) {
		return new ChangeRole(given(this.name), grants(errors), given(this.version));
	}

	/**
	 * What the rows grant. A row's errors (a grant without a name, a name twice, a grant that is not
	 * one of {@link #grants()}, which only a hand-made form sends) go to {@code errors}, and the row
	 * is left out.
	 */
	private Map<String, Grant> grants(FormErrors errors) {
		Map<String, Grant> grants = new LinkedHashMap<>();
		Set<String> listed = new HashSet<>();
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			if (row.grant().isEmpty()) {
				continue;
			}
			Optional<Grant> grant = grants().contains(row.grant()) ? Grant.fromWord(row.grant()) : Optional.empty();
			if (row.name().isEmpty()) {
				errors.field(field(i), "Name the permission to grant");
			}
			else if (!listed.add(row.name())) {
				errors.field(field(i), "This permission is already listed above");
			}
			else if (grant.isEmpty()) {
				errors.field(field(i), "Must match \"yes|company\"");
			}
			else {
				grants.put(row.name(), grant.get());
			}
		}
		return grants;
	}

	/** The field of the row granting {@code perm}, for an error about that permission. */
	String fieldOf(String perm) {
		for (int i = 0; i < this.rows.size(); i++) {
			if (this.rows.get(i).name().equals(perm) && !this.rows.get(i).grant().isEmpty()) {
				return field(i);
			}
		}
		return "perms";
	}

	/** The field of a validation error at {@code path}: a permission's row for {@code grants<K>[<name>]...}. */
	String fieldAt(String path) {
		int open = path.indexOf('[');
		int close = path.indexOf(']', open + 1);
		return (path.startsWith("grants") && open >= 0 && close > open) ? fieldOf(path.substring(open + 1, close)) : path;
	}

	static String field(int index) {
		return "perm-" + index;
	}

	/** The grant words a row offers, widest last. */
	static List<String> grants() {
		return List.of(Grant.COMPANY.word(), Grant.YES.word());
	}

	private static List<Row> rows(Map<String, String> granted, Set<String> offered) {
		Set<String> names = new TreeSet<>(offered);
		names.addAll(granted.keySet());
		List<Row> rows = new ArrayList<>();
		names.forEach((perm) -> rows.add(new Row(perm, granted.getOrDefault(perm, ""))));
		for (int i = 0; i < BLANK_ROWS; i++) {
			rows.add(new Row("", ""));
		}
		return rows;
	}

	/** A field as typed, "" meaning "not given". */
	private static @Nullable String given(String field) {
		return field.isEmpty() ? null : field;
	}

	private static int size(@Nullable List<String> list) {
		return (list != null) ? list.size() : 0;
	}

	private static String at(@Nullable List<String> list, int index) {
		return (list != null && index < list.size()) ? list.get(index) : "";
	}
}
