package com.gatehouse.credential;

/** How a caller proved who it is on this call (rest-api.md §3). */
public enum CredentialKind {

	/** A username and password in the body's {@code auth} block. */
	PASSWORD,
	/** An Auth Key, in the {@code Authorization} header or the body's {@code auth} block. */
	KEY,
	/** The {@code Red60urne} session cookie. */
	SESSION,
	/**
	 * No credential: the operator at the admin command line ({@code java -jar gatehouse.jar admin}),
	 * who can open the store itself and so is trusted as a System-Admin. Never an HTTP call's.
	 */
	OPERATOR
}
