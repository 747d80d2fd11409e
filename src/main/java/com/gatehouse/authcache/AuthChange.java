package com.gatehouse.authcache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change that may alter how a credential authenticates or what "who am I" answers: a user, a
 * role's permissions or a key, named by id (never by a secret), the list of companies
 * ({@link #companies()}), a client address that reached its failure limit ({@link #address}, named
 * by a digest, so the signal carries no address), or {@link #all()} when the whole cache must go.
 * Its {@link #payload()} is what travels between instances ({@code "user:42"}, {@code "role:7"},
 * {@code "key:13"}, {@code "companies:0"}, {@code "address:<digest>"}, {@code "all"}).
 */
public record AuthChange(String kind, long id) {

	private static final String USER = "user";

	private static final String ROLE = "role";

	private static final String KEY = "key";

	private static final String COMPANIES = "companies";

	private static final String ADDRESS = "address";

	/** Digests of addresses are taken below this, so that every one fits the payload's 18 digits. */
	private static final long DIGEST_RANGE = 1_000_000_000_000_000_000L;

	private static final String ALL = "all";

	private static final Pattern PAYLOAD = Pattern.compile("^(user|role|key|companies|address):(\\d{1,18})$");

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

	/** The client address reached its failure limit: a tally cached for it is stale. */
	public static AuthChange address(String address) {
		return new AuthChange(ADDRESS, digest(address));
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

	public boolean affectsAddress(String address) {
		// The kind first: every change is tested against every cached address, and only an address
		// change needs the digest.
		return isAll() || (this.kind.equals(ADDRESS) && this.id == digest(address));
	}

	private boolean names(String kind, long id) {
		return isAll() || (this.kind.equals(kind) && this.id == id);
	}

	/** The address's SHA-256, taken below 10^18: two addresses that share one only evict each other's tally. */
	private static long digest(String address) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
			return Math.floorMod(ByteBuffer.wrap(hash).getLong(), DIGEST_RANGE);
		}
		catch (NoSuchAlgorithmException absent) {
			throw new IllegalStateException("every Java platform has SHA-256", absent);
		}
	}
}
