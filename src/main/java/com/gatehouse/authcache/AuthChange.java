package com.gatehouse.authcache;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory change that may alter how a credential authenticates or what "who am I" answers: a
 * user, a role's permissions or a key, named by id (never by a secret), the list of companies
 * ({@link #companies()}), or {@link #all()} when the whole cache must go. Its {@link #payload()} is
 * what travels between instances ({@code "user:42"}, {@code "role:7"}, {@code "key:13"},
 * {@code "companies:0"}, {@code "all"}).
 */
public record AuthChange(String kind, long id) {

	private static final String USER = "user";

	private static final String ROLE = "role";

	private static final String KEY = "key";

	private static final String COMPANIES = "companies";

	private static final String ALL = "all";

	private static final Pattern PAYLOAD = Pattern.compile("^(user|role|key|companies):(\\d{1,18})$");

	public static AuthChange user(long id) {
		return new AuthChange(USER, id);
	}

	public static AuthChange role(long id) {
		return new AuthChange(ROLE, id);
	}

	public static AuthChange key(long id) {
		return new AuthChange(KEY, id);
	}

	/** A company was added or removed: the list of every company's handle is stale. */
	public static AuthChange companies() {
		return new AuthChange(COMPANIES, 0);
	}

	public static AuthChange all() {
		return new AuthChange(ALL, 0);
	}

	/** The change a payload names; one this version does not understand clears everything, to be safe. */
	static AuthChange parse(String payload) {
		Matcher matcher = PAYLOAD.matcher(payload);
		return matcher.matches() ? new AuthChange(matcher.group(1), Long.parseLong(matcher.group(2))) : all();
	}

	String payload() {
		return isAll() ? ALL : this.kind + ":" + this.id;
	}

	boolean isAll() {
		return ALL.equals(this.kind);
	}

	public boolean affectsUser(long userId) {
		return names(USER, userId);
	}

	public boolean affectsRole(long roleId) {
		return names(ROLE, roleId);
	}

	public boolean affectsKey(long keyId) {
		return names(KEY, keyId);
	}

	public boolean affectsCompanies() {
		return isAll() || this.kind.equals(COMPANIES);
	}

	private boolean names(String kind, long id) {
		return isAll() || (this.kind.equals(kind) && this.id == id);
	}
}
