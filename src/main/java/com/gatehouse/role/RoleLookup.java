package com.gatehouse.role;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Permissions;

/**
 * The role reads other features need without a caller (the user feature loading a caller's
 * permissions, finding the role a user is given), so that {@link RoleRepository} and its SQL stay
 * this package's own. What a caller may see or change is {@link RoleChanges}' decision.
 */
@Component
public final class RoleLookup {

	private final RoleRepository roles;

	RoleLookup(RoleRepository roles) {
		this.roles = roles;
	}

	/** The permissions of the role {@code roleId} (none when it is gone). */
	public Permissions permsOf(long roleId) {
		return this.roles.permsOf(roleId);
	}

	public Optional<Role> findById(long id) {
		return this.roles.findById(id);
	}

	/** The role called {@code name} that a user of {@code company} may hold: the company's own first. */
	public Optional<Role> findUsable(String name, String company) {
		return this.roles.findUsable(name, company);
	}

	/** The roles a user of {@code company} may hold: the global ones and the company's own. */
	public List<Role> usableIn(String company) {
		return this.roles.usableIn(company);
	}
}
