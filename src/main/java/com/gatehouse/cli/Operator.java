package com.gatehouse.cli;

import java.util.Map;

import com.gatehouse.credential.CredentialKind;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;

/**
 * Who the admin command line acts as: whoever can open the store is trusted as a System-Admin, so
 * the command line gets through the same decision point and rules as the console, as the caller
 * {@code cli:<operating-system user>} with id 0, which no user has. That is how the audit trail
 * names it ({@code "reset by cli:root (id 0)"}), and a login cannot contain {@code ':'}, so no user
 * is ever mistaken for it.
 */
final class Operator {

	static final long ID = 0;

	private Operator() {
	}

	/** The operator, acting in the company {@code default} (a System-Admin acts in every company alike). */
	static Caller caller() {
		String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "");
		String login = "cli:" + (user.isEmpty() ? "unknown" : user.substring(0, Math.min(32, user.length())));
		return new Caller(ID, login, "admin command line", "default", "default",
				new Permissions(Map.of(Permissions.ADMIN, Grant.YES)), CredentialKind.OPERATOR);
	}
}
