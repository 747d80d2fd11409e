package com.gatehouse.role;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

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
 * permissions that admin could grant. Built-in roles never change.
 */
@Component
final class RoleHandler implements TypeHandler {

	private final RoleRepository roles;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	private final TransactionOperations transactions;

	RoleHandler(RoleRepository roles, AccessPolicy policy, ValuesReader reader, TransactionOperations transactions) {
		this.roles = roles;
		this.policy = policy;
		this.reader = reader;
		this.transactions = transactions;
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
		long id = this.transactions.execute((status) -> this.roles.insert(values.name(), values.company(), perms));
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

	private Object update(Caller caller, Role role, RoleValues values) {
		Permissions perms = (values.perms() != null) ? perms(values.perms()) : role.perms();
		authorize(caller, role.company(), union(role.perms(), perms), "role.update");
		this.transactions.executeWithoutResult((status) -> {
			if (values.name() != null) {
				this.roles.rename(role, values.name());
			}
			this.roles.replacePerms(role.id(), perms);
		});
		return RestReply.values(List.of(this.roles.findById(role.id()).orElseThrow().asRow()));
	}

	private Object delete(Caller caller, Role role) {
		authorize(caller, role.company(), role.perms(), "role.delete");
		this.roles.delete(role.id());
		return RestReply.success();
	}

	private Role existing(Caller caller, RestRequest request) {
		RoleScope scope = this.reader.read(request.scope(), RoleScope.class);
		if (scope.id() == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the role by scope.id");
		}
		Role role = this.roles.findById(scope.id())
			.filter((found) -> caller.isSystemAdmin() || found.company() == null || caller.isAdminOf(found.company()))
			.orElseThrow(() -> RestFailure.notFound("role.unknown", "There is no such role"));
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
