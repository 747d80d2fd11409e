package com.gatehouse.auth;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.gatehouse.abuse.FailedCredentials;
import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.credential.CredentialKind;
import com.gatehouse.credential.CredentialsRejected;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * What happens after each authentication decision: one log line (never a secret; the login is
 * JSON-quoted so control characters cannot forge lines; a key's or session's success at DEBUG only,
 * as it is every API call), the counters of logins and key
 * authentications, the brute-force counts, and the audit trail. A verified password is a
 * {@code login.success} ({@link #passwordAccepted}: once its session exists when it logs in; keys
 * and sessions are credentials already issued, so their use is not an event); every failed
 * credential is a {@code login.failure}, and the failure that locks a login also a
 * {@code login.locked}. A failure answers the one generic 401 (rest-api.md §2), or 429 once
 * its address is over its limit.
 */
@Component
public final class AuthOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(AuthOutcomes.class);

	private static final int MAX_LOGGED_LOGIN = 64;

	private static final String LOGINS = "gatehouse.logins";

	private static final String LOGINS_HELP = "Password logins, by outcome";

	private static final String KEYS = "gatehouse.key.authentications";

	private static final String KEYS_HELP = "Calls authenticated by Auth Key, by outcome";

	private static final String SUCCESS = "success";

	private static final String FAILURE = "failure";

	private final Counter loginSuccesses;

	private final Counter loginFailures;

	private final Counter keySuccesses;

	private final Counter keyFailures;

	private final FailureRenderer renderer;

	private final JsonMapper json;

	private final FailedCredentials failures;

	private final AuditTrail audit;

	AuthOutcomes(MeterRegistry meters, FailureRenderer renderer, JsonMapper json, FailedCredentials failures,
			AuditTrail audit) {
		// Every outcome registered up front: a scrape shows each at 0 from start, so a rate() over
		// it works before the first failure and an alert on it can tell "none yet" from "not scraped".
		this.loginSuccesses = counter(meters, LOGINS, LOGINS_HELP, SUCCESS);
		this.loginFailures = counter(meters, LOGINS, LOGINS_HELP, FAILURE);
		this.keySuccesses = counter(meters, KEYS, KEYS_HELP, SUCCESS);
		this.keyFailures = counter(meters, KEYS, KEYS_HELP, FAILURE);
		this.renderer = renderer;
		this.json = json;
		this.failures = failures;
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, @Nullable HttpServletResponse response,
			Authentication authentication) {
		Caller caller = ((CallerAuthentication) authentication).caller();
		count(caller.via(), true);
		boolean password = caller.via() == CredentialKind.PASSWORD;
		// A key or session use is any API call: an INFO line each cost more than the call's own work,
		// and so would quoting its login (JSON) for a DEBUG line nobody reads.
		Level level = password ? Level.INFO : Level.DEBUG;
		if (log.isEnabledForLevel(level)) {
			log.atLevel(level)
				.log("authentication outcome=success credential={} user_id={} login={} ip={}", kind(caller.via()),
						caller.userId(), quoted(caller.login()), request.getRemoteAddr());
		}
		if (password) {
			this.failures.succeeded(caller.login());
		}
	}

	/** Records the {@code login.success} of a verified password: after its session exists, when it opens one. */
	void passwordAccepted(Caller caller) {
		this.audit.record(AuditEntry.of("login.success", "password accepted")
			.about(caller.userId(), caller.login(), caller.home()));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		this.renderer.render(response, recordFailure(request, failure));
	}

	/**
	 * Counts, logs and audits a refused credential, and answers the failure to show for it: the
	 * generic 401, or 429 once its address is over its limit.
	 */
	public RestFailure recordFailure(HttpServletRequest request, AuthenticationException failure) {
		CredentialsRejected rejected = (failure instanceof CredentialsRejected known) ? known : null;
		CredentialKind kind = (rejected != null) ? rejected.kind() : null;
		FailedCredentials.Verdict verdict = this.failures.failed((rejected != null) ? rejected.login() : null,
				request.getRemoteAddr());
		String reason = verdict.overLoginLimit() ? FailedCredentials.LOCKED
				: Objects.requireNonNullElse(failure.getMessage(), "rejected");
		count(kind, false);
		log.info("authentication outcome=failure credential={} login={} ip={} reason={}", kind(kind),
				quoted((rejected != null) ? rejected.login() : null), request.getRemoteAddr(), quoted(reason));
		this.audit.record(about(rejected, AuditEntry.of("login.failure", kind(kind) + " refused: " + reason)));
		if (verdict.lockStarted()) {
			log.info("login locked login={} ip={}", quoted(rejected.login()), request.getRemoteAddr());
			this.audit.record(about(rejected, AuditEntry.of("login.locked", "locked after too many failed logins")));
		}
		return (verdict.throttle() != null) ? RestFailure.throttled(verdict.throttle())
				: RestFailure.unauthorized("auth.failed", "Authentication failed");
	}

	/** The entry about the user the rejected login names, else about the login alone, else about no one. */
	private static AuditEntry about(@Nullable CredentialsRejected rejected, AuditEntry entry) {
		if (rejected == null || rejected.login() == null) {
			return entry;
		}
		if (rejected.userId() != null && rejected.company() != null) {
			return entry.about(rejected.userId(), rejected.login(), rejected.company());
		}
		return entry.aboutLogin(rejected.login());
	}

	private void count(@Nullable CredentialKind kind, boolean success) {
		if (kind == CredentialKind.PASSWORD) {
			(success ? this.loginSuccesses : this.loginFailures).increment();
		}
		else if (kind == CredentialKind.KEY) {
			(success ? this.keySuccesses : this.keyFailures).increment();
		}
	}

	private static Counter counter(MeterRegistry meters, String name, String help, String outcome) {
		return Counter.builder(name).description(help).tag("outcome", outcome).register(meters);
	}

	private String quoted(@Nullable String text) {
		if (text == null) {
			return "-";
		}
		String shown = (text.length() > MAX_LOGGED_LOGIN) ? text.substring(0, MAX_LOGGED_LOGIN) + "..." : text;
		return this.json.writeValueAsString(shown);
	}

	private static String kind(@Nullable CredentialKind kind) {
		return (kind != null) ? kind.name().toLowerCase(Locale.ROOT) : "unknown";
	}
}
