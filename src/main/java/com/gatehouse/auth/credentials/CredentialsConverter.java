package com.gatehouse.auth.credentials;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

import com.gatehouse.credential.AuthKeyToken;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;
import com.gatehouse.rest.RestAuth;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.session.SessionCookies;

/**
 * Finds the one credential a call is judged on, in the order of rest-api.md §3: the
 * {@code Authorization} header, a key in the body, a username and password in the body, then the
 * session cookie. The first explicit credential decides: a bad one is rejected here or by its
 * provider and never falls back to the cookie. Answers null when the call carries none. Extraction
 * only: nothing here looks anything up.
 */
@Component
public final class CredentialsConverter implements AuthenticationConverter {

	/** The {@code auth.type} of the documented credentials; popup-auth API tokens have others. */
	private static final String AUTH_TYPE = "auth";

	private final SessionCookies cookies;

	CredentialsConverter(SessionCookies cookies) {
		this.cookies = cookies;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		if (headers.size() > 1) {
			throw CredentialsRejected.of(CredentialKind.KEY, "more than one Authorization header");
		}
		if (headers.size() == 1) {
			return new AuthKeyToken(AuthorizationHeader.key(headers.get(0)), request.getRemoteAddr());
		}
		Authentication fromBody = fromBody(RestRequest.of(request).auth(), request.getRemoteAddr());
		return (fromBody != null) ? fromBody : this.cookies.token(request);
	}

	private static @Nullable Authentication fromBody(@Nullable RestAuth auth, String clientAddress) {
		if (auth == null || (auth.key() == null && auth.username() == null && auth.password() == null)) {
			return null;
		}
		if (auth.type() != null && !AUTH_TYPE.equals(auth.type())) {
			// rest-api.md §3: tokens of other types (popup-auth) are never accepted as Auth Keys.
			throw CredentialsRejected.of(CredentialKind.KEY, "auth.type is not 'auth'");
		}
		if (auth.key() != null) {
			return new AuthKeyToken(auth.key(), clientAddress);
		}
		if (auth.username() == null || auth.password() == null) {
			throw CredentialsRejected.of(CredentialKind.PASSWORD, "username without password, or password without username");
		}
		return UsernamePasswordAuthenticationToken.unauthenticated(auth.username(), auth.password());
	}
}
