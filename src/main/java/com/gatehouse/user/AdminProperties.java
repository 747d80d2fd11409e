package com.gatehouse.user;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first System-Admin, created on an empty store ({@code GATEHOUSE_ADMIN_LOGIN},
 * {@code GATEHOUSE_ADMIN_PASSWORD}). Without a password one is generated and printed once: there
 * is no built-in default password.
 *
 * @param login the first System-Admin's login; default {@code admin}
 * @param password the first System-Admin's password; unset, a random one is generated and printed
 * once
 */
@ConfigurationProperties("gatehouse.admin")
public record AdminProperties(@Nullable String login, @Nullable String password) {

	public AdminProperties {
		if (login == null || login.isBlank()) {
			login = "admin";
		}
	}

	@Override
	public String toString() {
		return "AdminProperties[login=" + this.login + ", password=[PROTECTED]]";
	}
}
