package com.gatehouse.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.gatehouse.rest.RestFailure;
import com.gatehouse.role.RoleLookup;

/**
 * On a store with no users, creates the first System-Admin in the company {@code default} (made by
 * the first migration). Later starts, and an instance that loses the race to another starting on
 * the same store, change nothing. The admin command line ({@code cli/}, profile {@code admin-cli})
 * makes nobody: an operator's own command on an empty store must not also make a second admin.
 * It runs once every bean exists and before the web server opens its port (not as an
 * ApplicationRunner, which runs after): a login that reaches a new service at once meets the admin.
 */
@Component
@Profile("!admin-cli")
final class AdminBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String COMPANY = "default";

	private final UserRepository users;

	private final RoleLookup roles;

	private final PasswordHasher hasher;

	private final AdminProperties admin;

	AdminBootstrap(UserRepository users, RoleLookup roles, PasswordHasher hasher, AdminProperties admin) {
		this.users = users;
		this.roles = roles;
		this.hasher = hasher;
		this.admin = admin;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.users.isEmpty()) {
			return;
		}
		boolean generated = this.admin.password() == null || this.admin.password().isEmpty();
		String password = generated ? RandomPassword.generate() : this.admin.password();
		if (password.length() < 12 || password.length() > 128) {
			throw new IllegalStateException("GATEHOUSE_ADMIN_PASSWORD must be 12 to 128 characters long");
		}
		long roleId = this.roles.findUsable("System-Admin", COMPANY).orElseThrow().id();
		try {
			this.users.insert(new User(0, this.admin.login(), "System Administrator", COMPANY, "System-Admin", roleId, true),
					this.hasher.hash(password));
		}
		catch (RestFailure anotherInstanceWon) {
			return;
		}
		log.info("created the first System-Admin, login '{}'", this.admin.login());
		if (generated) {
			// Shown once, on the console only (never the log file), like Jenkins' and Keycloak's first
			// password; through the logger, so a structured (JSON) console stays JSON.
			String line = "Gatehouse: the generated password of System-Admin '%s' is: %s (shown only this once;"
				.formatted(this.admin.login(), password) + " set GATEHOUSE_ADMIN_PASSWORD to choose it instead)";
			if (!ConsoleOnlyLog.info(line)) {
				System.out.println(line);
			}
		}
	}
}
