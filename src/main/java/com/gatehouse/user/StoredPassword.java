package com.gatehouse.user;

/** A login's password hash, for verifying a password and nothing else; never printed. */
record StoredPassword(long userId, String hash, boolean enabled) {

	@Override
	public String toString() {
		return "StoredPassword[userId=" + this.userId + ", hash=[PROTECTED]]";
	}
}
