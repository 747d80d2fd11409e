package com.gatehouse.user;

/**
 * A login's password hash, for verifying a password and nothing else; never printed. The user's
 * login and home company name the user in the audit trail when the password is wrong.
 */
record StoredPassword(long userId, String login, String company, String hash, boolean enabled) {

	@Override
	public String toString() {
		return "StoredPassword[userId=" + this.userId + ", hash=[PROTECTED]]";
	}
}
