package com.gatehouse.role;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "role"}. Admins read the roles usable in the companies they administer; a global
 * role is a System-Admin's to create or change; a company role is its Company-Admin's, within the
 * permissions that admin could grant. Built-in roles never change. Each change is audited in its
 * own transaction, so the event is kept exactly when the change is.
 */
@Component
final class RoleHandler implements TypeHandler {

	private final RoleRepository roles;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	private final TransactionOperations transactions;

	private final AuditTrail audit;

	RoleHandler(RoleRepository roles, AccessPolicy policy, ValuesReader reader, TransactionOperations transactions,
			AuditTrail audit) {
		this.roles = roles;
		this.policy = policy;
		this.reader = reader;
		this.transactions = transactions;
		this.audit = audit;
	}

	@Override
	public String type() {
		return "role";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> create(caller, this.reader.readForCreate(request.values(), RoleValues.class));
			case READ -> read(caller, this.reader.read(request.scope(), RoleScope.class), request);
			case UPDATE -> update(caller, existing(caller, request), this.reader.read(request.values(), RoleValues.class));
			case DELETE -> delete(caller, existing(caller, request));
		};
	}

	private Object create(Caller caller, RoleValues values) {
		Permissions perms = perms(values.perms());
		authorize(caller, values.company(), perms, "role.create");
		long id = this.transactions.execute((status) -> {
			long created = this.roles.insert(values.name(), values.company(), perms);
			record(caller, "role.created", values.company(), describe(values.name(), created) + ", perms " + perms.asJson());
			return created;
		});
		return RestReply.values(List.of(this.roles.findById(id).orElseThrow().asRow()));
	}

	private Object read(Caller caller, RoleScope scope, RestRequest request) {
		String usableIn = scope.company();
		if (!caller.isSystemAdmin()) {
			usableIn = (usableIn != null) ? usableIn : caller.company();
			this.policy.requireAdminOf(caller, usableIn, "role.read");
		}
		List<Map<String, Object>> rows = this.roles.find(scope.id(), scope.name(), usableIn)
			.stream()
			.map(Role::asRow)
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	private Object update(Caller caller, Role read, RoleValues values) {
		this.transactions.executeWithoutResult((status) -> {
			// Decided on the role as it is under its lock, not as read before: a change made
			// meanwhile on another instance is either built upon or, with a stale version, refused.
			Role role = this.roles.lockById(read.id()).orElseThrow(RoleHandler::unknownRole);
			if (values.version() != null && !values.version().equals(role.version())) {
				throw RestFailure.conflict("role.changed", "The role was changed since it was read; read it again");
			}
			Permissions perms = (values.perms() != null) ? perms(values.perms()) : role.perms();
			authorize(caller, role.company(), union(role.perms(), perms), "role.update");
			if (values.name() != null) {
				this.roles.rename(role, values.name());
			}
			this.roles.replacePerms(role.id(), perms);
			record(caller, "role.updated", role.company(),
					describe(role.name(), role.id()) + changes(role, values.name(), perms));
		});
		return RestReply.values(List.of(this.roles.findById(read.id()).orElseThrow(RoleHandler::unknownRole).asRow()));
	}

	private Object delete(Caller caller, Role role) {
		authorize(caller, role.company(), role.perms(), "role.delete");
		this.transactions.executeWithoutResult((status) -> {
			this.roles.delete(role.id());
			record(caller, "role.deleted", role.company(), describe(role.name(), role.id()));
		});
		return RestReply.success();
	}

	private Role existing(Caller caller, RestRequest request) {
		RoleScope scope = this.reader.read(request.scope(), RoleScope.class);
		if (scope.id() == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the role by scope.id");
		}
		Role role = this.roles.findById(scope.id())
			.filter((found) -> caller.isSystemAdmin() || found.company() == null || caller.isAdminOf(found.company()))
			.orElseThrow(RoleHandler::unknownRole);
		if (role.builtin()) {
			throw RestFailure.conflict("role.builtin", "Built-in roles cannot be changed");
		}
		return role;
	}

	private void authorize(Caller caller, @Nullable String company, Permissions perms, String action) {
		if (company == null) {
			this.policy.requireSystemAdmin(caller, action);
		}
		else {
			this.policy.requireCanGrant(caller, perms, company, action);
		}
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

	private static Permissions perms(@Nullable Map<String, String> words) {
		if (words == null) {
			return Permissions.none();
		}
		return new Permissions(words.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Grant.fromWord(entry.getValue()).orElseThrow())));
	}

	private static Permissions union(Permissions a, Permissions b) {
		Map<String, Grant> grants = new java.util.HashMap<>(a.grants());
		b.grants().forEach((perm, grant) -> grants.merge(perm, grant, (x, y) -> x.covers(y) ? x : y));
		return new Permissions(grants);
	}
}
