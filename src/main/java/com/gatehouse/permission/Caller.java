package com.gatehouse.permission;

import com.gatehouse.credential.CredentialKind;

/**
 * The user a call acts as, with the permissions they hold at this moment (read from the store on
 * every call, so a role change applies at once). {@code home} is the user's own company and
 * {@code company} the one the call acts in (rest-api.md §3).
 */
public record Caller(long userId, String login, String name, String home, String company, Permissions perms,
		CredentialKind via) {

	/** The caller the security chain authenticated for the current call; 401 when there is none. */
	public static Caller current() {
		return CallerAuthentication.current().caller();
	}

	/** The same caller holding {@code narrowed} instead, e.g. its permissions as a restricted Auth Key allows them. */
	public Caller withPerms(Permissions narrowed) {
		return new Caller(this.userId, this.login, this.name, this.home, this.company, narrowed, this.via);
	}

	/** Asked only by the decision point, which answers each question this decides ({@code AccessPolicy}). */
	boolean isSystemAdmin() {
		return this.perms.holds(Permissions.ADMIN, Grant.YES);
	}

	/** System-Admin, or Company-Admin acting in {@code companyHandle}. */
	boolean isAdminOf(String companyHandle) {
		return isSystemAdmin()
				|| (this.perms.holds(Permissions.ADMIN, Grant.COMPANY) && this.company.equals(companyHandle));
	}
}
