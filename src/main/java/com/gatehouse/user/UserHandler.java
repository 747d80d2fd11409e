package com.gatehouse.user;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.role.Role;
import com.gatehouse.role.RoleRepository;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "user"}. A System-Admin manages every user; a Company-Admin only the users of its
 * own company whose role it could grant (so it can never take over a more powerful account), and
 * it cannot see the others at all. Deleting a user ends its sessions; its keys go with the row.
 * Anyone may change their own password, proving the current one ({@link PasswordChange}).
 */
@Component
final class UserHandler implements TypeHandler {

	private final UserRepository users;

	private final RoleRepository roles;

	private final PasswordHasher hasher;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	private final ApplicationEventPublisher events;

	private final PasswordChange passwords;

	private final AuditTrail audit;

	private final TransactionOperations transactions;

	UserHandler(UserRepository users, RoleRepository roles, PasswordHasher hasher, AccessPolicy policy,
			ValuesReader reader, ApplicationEventPublisher events, PasswordChange passwords, AuditTrail audit,
			TransactionOperations transactions) {
		this.users = users;
		this.roles = roles;
		this.hasher = hasher;
		this.policy = policy;
		this.reader = reader;
		this.events = events;
		this.passwords = passwords;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public String type() {
		return "user";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> create(caller, this.reader.readForCreate(request.values(), UserValues.class));
			case READ -> read(caller, this.reader.read(request.scope(), UserScope.class), request);
			case UPDATE -> {
				UserValues values = this.reader.read(request.values(), UserValues.class);
				yield update(caller, updated(caller, request, values), values);
			}
			case DELETE -> delete(caller, existing(caller, request));
		};
	}

	private Object create(Caller caller, UserValues values) {
		String company = (values.company() != null) ? values.company() : caller.company();
		Role role = grantableRole(caller, (values.role() != null) ? values.role() : Role.USER, company, "user.create");
		User user = new User(0, values.login(), (values.name() != null) ? values.name() : values.login(), company,
				role.name(), role.id(), !Boolean.FALSE.equals(values.enabled()));
		String passwordHash = this.hasher.hash(values.password());
		long id = this.transactions.execute((status) -> {
			long created = this.users.insert(user, passwordHash);
			this.audit.record(AuditEntry.by(caller, "user.created", user.describe()).about(created, user.login(), company));
			return created;
		});
		return reply(id);
	}

	private Object read(Caller caller, UserScope scope, RestRequest request) {
		String company = scope.company();
		if (!caller.isSystemAdmin()) {
			company = (company != null) ? company : caller.company();
			this.policy.requireAdminOf(caller, company, "user.read");
		}
		List<Map<String, Object>> rows = this.users.find(scope.id(), scope.login(), company)
			.stream()
			.map(User::asRow)
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	private Object update(Caller caller, User user, UserValues values) {
		String company = (values.company() != null) ? values.company() : user.company();
		if (!company.equals(user.company())) {
			this.policy.requireSystemAdmin(caller, "user.move");
		}
		Role role = (values.role() != null || !company.equals(user.company()))
				? grantableRole(caller, (values.role() != null) ? values.role() : user.role(), company, "user.update")
				: this.roles.findById(user.roleId()).orElseThrow();
		User changed = new User(user.id(), (values.login() != null) ? values.login() : user.login(),
				(values.name() != null) ? values.name() : user.name(), company, role.name(), role.id(),
				(values.enabled() != null) ? values.enabled() : user.enabled());
		String passwordHash = this.passwords.newHash(caller, user, values);
		String changes = user.changesTo(changed);
		this.transactions.executeWithoutResult((status) -> {
			this.users.update(changed, passwordHash);
			// A password alone is its own event (password.changed); user.updated tells every other change.
			if (!changes.isEmpty() || passwordHash == null) {
				this.audit.record(AuditEntry.by(caller, "user.updated", changes).about(user.id(), changed.login(), company));
			}
			if (passwordHash != null) {
				this.passwords.record(caller, changed);
			}
		});
		if (passwordHash != null) {
			this.passwords.endStaleSessions(caller, changed);
		}
		return reply(user.id());
	}

	private Object delete(Caller caller, User user) {
		if (user.id() == caller.userId()) {
			throw RestFailure.conflict("user.self", "You cannot delete your own account");
		}
		this.transactions.executeWithoutResult((status) -> {
			this.users.delete(user.id());
			this.audit.record(AuditEntry.by(caller, "user.deleted", user.describe()).about(user.id(), user.login(), user.company()));
		});
		this.events.publishEvent(new UserRemoved(user.id()));
		return RestReply.success();
	}

	/**
	 * The user an update changes. Anyone may change their own password (proving the current one
	 * instead of an admin right); anything else is {@link #existing}.
	 */
	private User updated(Caller caller, RestRequest request, UserValues values) {
		if (values.changesOnlyPassword() && this.reader.read(request.scope(), UserScope.class).namesSelf(caller)) {
			return this.users.findById(caller.userId())
				.orElseThrow(() -> RestFailure.notFound("user.unknown", "There is no such user"));
		}
		return existing(caller, request);
	}

	/** The user the scope names, if the caller may manage it; 404 for one it may not even see. */
	private User existing(Caller caller, RestRequest request) {
		UserScope scope = this.reader.read(request.scope(), UserScope.class);
		if (!scope.namesOne()) {
			throw RestFailure.badRequest("request.scope_required", "Name the user by scope.id or scope.login");
		}
		User user = this.users.find(scope.id(), scope.login(), null)
			.stream()
			.findFirst()
			.filter((found) -> caller.isAdminOf(found.company()))
			.orElseThrow(() -> RestFailure.notFound("user.unknown", "There is no such user"));
		this.policy.requireCanGrant(caller, this.roles.permsOf(user.roleId()), user.company(), "user.manage");
		return user;
	}

	private Role grantableRole(Caller caller, @Nullable String name, String company, String action) {
		this.policy.requireAdminOf(caller, company, action);
		Role role = this.roles.findUsable(name, company)
			.orElseThrow(() -> RestFailure.badRequest("role.unknown", "There is no such role in that company"));
		this.policy.requireCanGrant(caller, role.perms(), company, action);
		return role;
	}

	private Object reply(long id) {
		return RestReply.values(List.of(this.users.findById(id).orElseThrow().asRow()));
	}
}
