package com.gatehouse.permission;

import org.jspecify.annotations.Nullable;

/**
 * One rule of the route policy (issue 11): what calls it matches, either a {@code section},
 * {@code verb} and {@code type} (each a name or {@link #ANY}) or a {@code pathPrefix}, and what it
 * requires of the caller: only to be authenticated ({@code perm} null), or to hold {@code perm} at
 * least at {@code level}. A {@code company} grant reaches only calls whose {@code scope.company} is
 * absent or the caller's current company; a {@code yes} grant reaches every company.
 */
public record RouteRule(@Nullable String section, @Nullable String verb, @Nullable String type,
		@Nullable String pathPrefix, @Nullable String perm, Grant level) {

	public static final String ANY = "*";

	/** Matches every call the path of which starts with {@code prefix}. */
	public static RouteRule path(String prefix, @Nullable String perm, Grant level) {
		return new RouteRule(null, null, null, prefix, perm, level);
	}

	/** Matches {@code section}/{@code verb}/{@code type} calls, each a name or {@link #ANY}. */
	public static RouteRule call(String section, String verb, String type, @Nullable String perm, Grant level) {
		return new RouteRule(section, verb, type, null, perm, level);
	}

	public boolean matches(RouteCall call) {
		if (this.pathPrefix != null) {
			return call.path().startsWith(this.pathPrefix);
		}
		return call.section() != null && names(this.section, call.section()) && names(this.verb, call.verb())
				&& names(this.type, call.type());
	}

	/** Whether {@code caller} meets the requirement for {@code call}. */
	boolean admits(Caller caller, RouteCall call) {
		if (this.perm == null) {
			return true;
		}
		if (!caller.perms().holds(this.perm, this.level)) {
			return false;
		}
		Grant held = caller.perms().grantOf(this.perm).orElseThrow();
		return held == Grant.YES || call.scopeCompany() == null || call.scopeCompany().equals(caller.company());
	}

	private static boolean names(@Nullable String pattern, @Nullable String value) {
		return ANY.equals(pattern) || (pattern != null && pattern.equals(value));
	}
}
