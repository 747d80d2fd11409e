package com.gatehouse.auth;

import java.io.IOException;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.gatehouse.auth.credentials.CredentialsRejected;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.CredentialKind;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * What happens after each authentication decision: one log line (never a secret; the login is
 * JSON-quoted so control characters cannot forge lines), the counters of logins and key
 * authentications, and for a failure the one generic 401 (rest-api.md §2).
 */
@Component
public final class AuthOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(AuthOutcomes.class);

	private static final int MAX_LOGGED_LOGIN = 64;

	private final MeterRegistry meters;

	private final FailureRenderer renderer;

	private final JsonMapper json;

	AuthOutcomes(MeterRegistry meters, FailureRenderer renderer, JsonMapper json) {
		this.meters = meters;
		this.renderer = renderer;
		this.json = json;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		Caller caller = ((CallerAuthentication) authentication).caller();
		count(caller.via(), "success");
		log.info("authentication outcome=success credential={} user_id={} login={} ip={}", kind(caller.via()),
				caller.userId(), quoted(caller.login()), request.getRemoteAddr());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		CredentialKind kind = (failure instanceof CredentialsRejected rejected) ? rejected.kind() : null;
		String login = (failure instanceof CredentialsRejected rejected) ? rejected.login() : null;
		count(kind, "failure");
		log.info("authentication outcome=failure credential={} login={} ip={} reason={}", kind(kind), quoted(login),
				request.getRemoteAddr(), quoted(failure.getMessage()));
		this.renderer.render(response, RestFailure.unauthorized("auth.failed", "Authentication failed"));
	}

	private void count(@Nullable CredentialKind kind, String outcome) {
		if (kind == CredentialKind.PASSWORD) {
			this.meters.counter("gatehouse.logins", "outcome", outcome).increment();
		}
		else if (kind == CredentialKind.KEY) {
			this.meters.counter("gatehouse.key.authentications", "outcome", outcome).increment();
		}
	}

	private String quoted(@Nullable String text) {
		if (text == null) {
			return "-";
		}
		String shown = (text.length() > MAX_LOGGED_LOGIN) ? text.substring(0, MAX_LOGGED_LOGIN) + "..." : text;
		return this.json.writeValueAsString(shown);
	}

	private static String kind(@Nullable CredentialKind kind) {
		return (kind != null) ? kind.name().toLowerCase(java.util.Locale.ROOT) : "unknown";
	}
}
