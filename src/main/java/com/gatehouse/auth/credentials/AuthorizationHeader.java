package com.gatehouse.auth.credentials;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gatehouse.permission.CredentialKind;

/**
 * Parses {@code Authorization: token auth=<key>} (authentication.txt, 6.3.10+). The scheme and the
 * parameter name are case-insensitive and the value may be quoted, as RFC 9110 allows for
 * auth-params; any other form is a rejected credential, not an absent one.
 */
final class AuthorizationHeader {

	private static final Pattern TOKEN_AUTH = Pattern
		.compile("(?i)token[ \\t]+auth[ \\t]*=[ \\t]*(?:\"([A-Za-z0-9_\\-.~+/=]+)\"|([A-Za-z0-9_\\-.~+/=]+))[ \\t]*");

	private AuthorizationHeader() {
	}

	static String key(String header) {
		Matcher matcher = TOKEN_AUTH.matcher(header.strip());
		if (!matcher.matches()) {
			String scheme = header.strip().split("[ \\t]", 2)[0].toLowerCase(Locale.ROOT);
			throw CredentialsRejected.of(CredentialKind.KEY,
					"unsupported Authorization form, scheme '" + (scheme.length() <= 16 ? scheme : "?") + "'");
		}
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}
}
