package com.gatehouse.auth.credentials;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;

/**
 * Parses {@code Authorization: token auth=<key>} (authentication.txt, 6.3.10+). The scheme and the
 * parameter name are case-insensitive and the value may be quoted, as RFC 9110 allows for
 * auth-params; any other form is a rejected credential, not an absent one.
 */
final class AuthorizationHeader {

	private static final Pattern TOKEN_AUTH = Pattern
		.compile("(?i)token[ \\t]+auth[ \\t]*=[ \\t]*(?:\"([A-Za-z0-9_\\-.~+/=]+)\"|([A-Za-z0-9_\\-.~+/=]+))[ \\t]*");

	/** Schemes worth naming in the log; anything else may be a key sent without one, so it is not echoed. */
	private static final Set<String> KNOWN_SCHEMES = Set.of("token", "bearer", "basic", "digest", "negotiate", "apikey");

	private AuthorizationHeader() {
	}

	static String key(String header) {
		Matcher matcher = TOKEN_AUTH.matcher(header.strip());
		if (!matcher.matches()) {
			throw CredentialsRejected.of(CredentialKind.KEY, "unsupported Authorization form, scheme " + scheme(header));
		}
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

	private static String scheme(String header) {
		String first = header.strip().split("[ \\t]", 2)[0].toLowerCase(Locale.ROOT);
		return KNOWN_SCHEMES.contains(first) ? "'" + first + "'" : "unknown";
	}
}
