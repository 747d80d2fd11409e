package com.gatehouse.role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;
import com.gatehouse.rest.RestFailure;

/**
 * Reads and changes roles for the REST API ({@code type: "role"}) and the admin console alike.
 * Admins read the roles usable in the companies they administer; a global role is a System-Admin's
 * to create or change; a company role is its Company-Admin's, within the permissions that admin
 * could grant ({@link AccessPolicy}). A role the caller may not see answers 404; built-in roles
 * never change (409). Each change is audited in its own transaction, so the event is kept exactly
 * when the change is.
 */
@Component
public final class RoleChanges {

	private final RoleRepository roles;

	private final AccessPolicy policy;

	private final TransactionOperations transactions;

	private final AuditTrail audit;

	private final SystemAdmins systemAdmins;

	RoleChanges(RoleRepository roles, AccessPolicy policy, TransactionOperations transactions, AuditTrail audit,
			SystemAdmins systemAdmins) {
		this.roles = roles;
		this.policy = policy;
		this.transactions = transactions;
		this.audit = audit;
		this.systemAdmins = systemAdmins;
	}

	/** The roles matching the non-null filters that the caller may read: all for a System-Admin, else its company's and the global ones. */
	public List<Role> readable(Caller caller, @Nullable Long id, @Nullable String name, @Nullable String company) {
		return this.roles.find(id, name, this.policy.readableCompany(caller, company, "role.read"));
	}

	/** The role {@code id} if the caller may see it (404 otherwise): any for a System-Admin, else global or its company's. */
	public Role visible(Caller caller, long id) {
		return this.roles.findById(id)
			.filter((found) -> this.policy.sees(caller, found.company()))
			.orElseThrow(RoleChanges::unknownRole);
	}

	/** Whether the caller could change {@code role} as it stands (not built in, and within its grants). */
	public boolean mayChange(Caller caller, Role role) {
		return !role.builtin() && this.policy.canGrant(caller, role.perms(), role.company());
	}

	/** The permissions in {@code values} wider than the caller could grant, by name (a form shows each by its field). */
	public Set<String> tooWide(Caller caller, Map<String, Grant> grants) {
		return this.policy.ungrantable(caller, new Permissions(grants));
	}

	public Role create(Caller caller, CreateRole command) {
		Permissions perms = command.perms();
		this.policy.requireCanGrant(caller, perms, command.company(), "role.create");
		long id = this.transactions.execute((status) -> {
			long created = this.roles.insert(command.name(), command.company(), perms);
			record(caller, "role.created", command.company(), describe(command.name(), created) + ", perms " + perms.asJson());
			return created;
		});
		return this.roles.findById(id).orElseThrow();
	}

	/**
	 * Renames {@code role} (found by {@link #changeable}) and replaces its permissions, for the
	 * members of {@code command} that are not null. Decided on the role as it is under its row lock,
	 * not as read before: a change made meanwhile on another instance is either built upon or, when
	 * {@code command.version} is stale, refused with 409 {@code role.changed}. Permissions that would
	 * leave no enabled System-Admin are refused with 409 ({@link SystemAdmins}).
	 */
	public Role update(Caller caller, Role read, ChangeRole command) {
		this.systemAdmins.keepOne(() -> {
			Role role = this.roles.lockById(read.id()).orElseThrow(RoleChanges::unknownRole);
			if (command.version() != null && !command.version().equals(role.version())) {
				throw RestFailure.conflict("role.changed", "The role was changed since it was read; read it again");
			}
			Permissions perms = command.permsAfter(role.perms());
			this.policy.requireCanGrant(caller, union(role.perms(), perms), role.company(), "role.update");
			if (command.name() != null) {
				this.roles.rename(role, command.name());
			}
			this.roles.replacePerms(role.id(), perms);
			record(caller, "role.updated", role.company(),
					describe(role.name(), role.id()) + changes(role, command.name(), perms));
		});
		return this.roles.findById(read.id()).orElseThrow(RoleChanges::unknownRole);
	}

	public void delete(Caller caller, Role role) {
		this.policy.requireCanGrant(caller, role.perms(), role.company(), "role.delete");
		this.transactions.executeWithoutResult((status) -> {
			this.roles.delete(role.id());
			record(caller, "role.deleted", role.company(), describe(role.name(), role.id()));
		});
	}

	/** The role {@code id} if the caller may see it (else 404) and it is not built in (else 409). */
	public Role changeable(Caller caller, long id) {
		Role role = visible(caller, id);
		if (role.builtin()) {
			throw RestFailure.conflict("role.builtin", "Built-in roles cannot be changed");
		}
		return role;
	}

	private void record(Caller caller, String event, @Nullable String company, String what) {
		this.audit.record(AuditEntry.by(caller, event, what).inCompany(company));
	}

	private static RestFailure unknownRole() {
		return RestFailure.notFound("role.unknown", "There is no such role");
	}

	private static String describe(String name, long id) {
		return "role '" + name + "' (" + id + ")";
	}

	private static String changes(Role role, @Nullable String name, Permissions perms) {
		String renamed = (name != null && !name.equals(role.name())) ? ", renamed to '" + name + "'" : "";
		String regranted = !perms.equals(role.perms()) ? ", perms " + role.perms().asJson() + " -> " + perms.asJson() : "";
		return renamed + regranted;
	}

	private static Permissions union(Permissions a, Permissions b) {
		Map<String, Grant> grants = new HashMap<>(a.grants());
		b.grants().forEach((perm, grant) -> grants.merge(perm, grant, (x, y) -> x.covers(y) ? x : y));
		return new Permissions(grants);
	}
}
