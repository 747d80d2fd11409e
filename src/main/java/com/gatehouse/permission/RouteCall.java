package com.gatehouse.permission;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One call to a PBX service Gatehouse does not answer itself (rest-api.md §6), as the route policy
 * sees it: the HTTP method and path, and for a {@code /rest/<section>/<verb>/<type>} call its
 * section, verb and type (from the path or the body) and the company its {@code scope} names.
 * {@code section}, {@code verb} and {@code type} are null when the path does not name them.
 */
public record RouteCall(String method, String path, @Nullable String section, @Nullable String verb,
		@Nullable String type, @Nullable String scopeCompany) {

	/** Verbs that only read besides {@code read} itself and its variants ({@code readcal}). */
	private static final Set<String> READ_VERBS = Set.of("list", "download");

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	/**
	 * Whether the call only reads, for a read-only Auth Key: a verb {@code read} or {@code read...}
	 * ({@code readcal}), {@code list} or {@code download}; without a verb (a path route), a GET,
	 * HEAD or OPTIONS request.
	 */
	public boolean onlyReads() {
		if (this.verb == null) {
			return READ_METHODS.contains(this.method.toUpperCase(Locale.ROOT));
		}
		return this.verb.startsWith("read") || READ_VERBS.contains(this.verb);
	}

	/** How a denial names the call in the audit trail and the log. */
	public String action() {
		if (this.section == null) {
			return "gateway " + this.method + " " + this.path;
		}
		return "gateway." + this.section + "." + this.verb + "." + ((this.type != null) ? this.type : "-");
	}
}
