package com.gatehouse.user;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.permission.Permissions;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.role.Role;
import com.gatehouse.role.RoleLookup;

/**
 * Which users a caller may see and manage, and which roles it may give them (rest-api.md §4), for
 * the REST API and the admin console alike: a System-Admin every user; a Company-Admin the users of
 * its own company whose role it could grant, and it cannot see the others at all (404, as if they
 * did not exist). Every decision is {@link AccessPolicy}'s; a user found to be managed comes as its
 * {@link Manageable} proof, which {@link UserChanges} and the other features' services require.
 */
@Component
public final class UserAccess {

	/** The most users one page of a search shows. */
	public static final int PAGE_SIZE = 25;

	private final UserRepository users;

	private final RoleLookup roles;

	private final AccessPolicy policy;

	UserAccess(UserRepository users, RoleLookup roles, AccessPolicy policy) {
		this.users = users;
		this.roles = roles;
		this.policy = policy;
	}

	/** The user {@code id}, if the caller may manage it; 404 for one it may not even see, 403 for one above it. */
	public Manageable<User> manageable(Caller caller, long id) {
		return manageable(caller, new UserScope(id, null, null), "user.manage");
	}

	/** The user whose login is {@code login} (whatever its case), if the caller may manage it. */
	public Manageable<User> manageable(Caller caller, String login) {
		return manageable(caller, new UserScope(null, login, null), "user.manage");
	}

	/**
	 * The user {@code id} for an action on what is the user's (its keys, its sessions), named
	 * {@code action} if refused: the caller's own account always, another user if it may manage it.
	 */
	public Manageable<User> selfOrManageable(Caller caller, long id, String action) {
		return (id == caller.userId()) ? self(caller) : manageable(caller, new UserScope(id, null, null), action);
	}

	/** The user the scope names (by id or login), if the caller may manage it. */
	Manageable<User> manageable(Caller caller, UserScope scope, String action) {
		User user = this.users.find(scope.id(), scope.login(), null)
			.stream()
			.findFirst()
			.filter((found) -> this.policy.sees(caller, found.company()))
			.orElseThrow(UserAccess::unknown);
		return this.policy.manageable(caller, user, permsOf(user), user.company(), action);
	}

	/** The caller's own account, for what anyone may do to itself (its password, keys and sessions). */
	public Manageable<User> self(Caller caller) {
		User self = this.users.findById(caller.userId()).orElseThrow(UserAccess::unknown);
		return this.policy.own(caller, self.id(), self, "user.self");
	}

	/** The permissions {@code user} holds now, through its role. */
	public Permissions permsOf(User user) {
		return this.roles.permsOf(user.roleId());
	}

	/**
	 * The users of {@code company} the caller may read: any company (null: all) for a System-Admin,
	 * its own company (also when null) for a Company-Admin, else 403.
	 */
	List<User> readable(Caller caller, UserScope scope) {
		return this.users.find(scope.id(), scope.login(), readableCompany(caller, scope.company()));
	}

	/**
	 * One page (from 0) of the users the caller may read, whose login or name contains {@code text}
	 * (whatever its case; null or blank: all), by login.
	 */
	public UserPage search(Caller caller, @Nullable String company, @Nullable String text, int page) {
		int from = Math.max(0, page) * PAGE_SIZE;
		String wanted = (text == null || text.isBlank()) ? null : text.strip();
		List<User> found = this.users.search(readableCompany(caller, company), wanted, from, PAGE_SIZE + 1);
		return new UserPage(found.subList(0, Math.min(PAGE_SIZE, found.size())), Math.max(0, page),
				found.size() > PAGE_SIZE);
	}

	/** The role {@code name} of {@code company}, if the caller administers the company and could grant the role. */
	public Role grantableRole(Caller caller, @Nullable String name, String company, String action) {
		this.policy.requireAdminOf(caller, company, action);
		String wanted = (name != null) ? name : Role.USER;
		Role role = this.roles.findUsable(wanted, company)
			.orElseThrow(() -> RestFailure.badRequest("role.unknown",
					"There is no role '" + wanted + "' in company '" + company + "'"));
		this.policy.requireCanGrant(caller, role.perms(), company, action);
		return role;
	}

	/** The role {@code user} holds now. */
	Role roleOf(User user) {
		return this.roles.findById(user.roleId()).orElseThrow();
	}

	/** Moving a user to another company is for a System-Admin only. */
	void requireSystemAdmin(Caller caller, String action) {
		this.policy.requireSystemAdmin(caller, action);
	}

	void requireNotKey(Caller caller, String action) {
		this.policy.requireNotKey(caller, action);
	}

	/** The roles the caller could give a user of {@code company} (none unless it administers it). */
	public List<Role> grantableRoles(Caller caller, String company) {
		return this.policy.grantable(caller, company, () -> this.roles.usableIn(company), Role::perms);
	}

	private @Nullable String readableCompany(Caller caller, @Nullable String company) {
		return this.policy.readableCompany(caller, company, "user.read");
	}

	private static RestFailure unknown() {
		return RestFailure.notFound("user.unknown", "There is no such user");
	}
}
