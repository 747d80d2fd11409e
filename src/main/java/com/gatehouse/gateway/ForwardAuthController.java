package com.gatehouse.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CredentialCheck;
import com.gatehouse.credential.AuthKeyToken;
import com.gatehouse.auth.credentials.CredentialsConverter;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.RouteAccess;
import com.gatehouse.permission.RouteCall;
import com.gatehouse.permission.RouteRule;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.web.BrowserOrigins;

/**
 * {@code /forward-auth} (any method): judges the request a reverse proxy asks about
 * ({@link OriginalRequest}) with its header or cookie credential, against the same policy and
 * through the same credential check as the gateway. It answers exactly 200 (with the identity
 * headers), 401 (no or bad credential, or a throttled address) or 403 (not permitted, or a cookie
 * sent from a foreign page), with no body and whatever the legacy-status setting: nginx takes any
 * other status for an error, Envoy allows only 200. A verified caller's decision is kept per
 * credential and route for {@code decisionCache} (at most 1 s, as the auth cache); a refused
 * credential is never kept, so every failure still counts towards the brute-force limits.
 */
@RestController
@Conditional(GatewayOn.class)
final class ForwardAuthController {

	private final CredentialsConverter credentials;

	private final CredentialCheck check;

	private final AuthOutcomes outcomes;

	private final BrowserOrigins origins;

	private final Judge judge;

	ForwardAuthController(CredentialsConverter credentials, CredentialCheck check, AuthOutcomes outcomes,
			BrowserOrigins origins, Judge judge) {
		this.credentials = credentials;
		this.check = check;
		this.outcomes = outcomes;
		this.origins = origins;
		this.judge = judge;
	}

	@RequestMapping({ OriginalRequest.ENDPOINT, OriginalRequest.ENDPOINT + "/**" })
	ResponseEntity<Void> forwardAuth(HttpServletRequest request) {
		Timer.Sample sample = this.judge.metrics().start();
		OriginalRequest original = OriginalRequest.of(request);
		RouteCall call;
		try {
			call = RouteCalls.of(request, original.method(), original.path());
		}
		catch (RestFailure invalid) {
			return this.judge.answer(Optional.empty(), HttpStatus.FORBIDDEN, "invalid", sample);
		}
		Optional<RouteRule> matched = RouteAccess.firstMatch(this.judge.policy().rules(), call);
		Authentication presented;
		CallerAuthentication caller;
		try {
			presented = this.credentials.convert(request);
			if (presented == null) {
				return this.judge.answer(matched, HttpStatus.UNAUTHORIZED, "unauthenticated", sample);
			}
			if (!(presented instanceof AuthKeyToken)) {
				this.origins.refuseForeign(request);
			}
			Judge.Decision cached = this.judge.cached(cacheKey(presented, call));
			if (cached != null) {
				return this.judge.answer(matched, call, cached, sample);
			}
			caller = this.check.verify(request, presented);
		}
		catch (AuthenticationException refused) {
			this.outcomes.recordFailure(request, refused);
			return this.judge.answer(matched, HttpStatus.UNAUTHORIZED, "unauthenticated", sample);
		}
		catch (RestFailure refused) {
			// A foreign page (403), or an address over its failure limit (429, which a proxy cannot pass on: 401).
			HttpStatus status = (refused.status() == HttpStatus.FORBIDDEN) ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
			return this.judge.answer(matched, status, (status == HttpStatus.FORBIDDEN) ? "denied" : "unauthenticated", sample);
		}
		Judge.Decision decision = this.judge.decide(caller, call);
		this.judge.keep(cacheKey(presented, call), decision);
		return this.judge.answer(matched, call, decision, sample);
	}

	/** The credential (as a digest: no secret is kept in memory longer than the call) and the route. */
	private static String cacheKey(Authentication presented, RouteCall call) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((presented.getClass().getName() + "\n" + presented.getCredentials())
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest) + " " + call.method() + " " + call.path();
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
	}

}
