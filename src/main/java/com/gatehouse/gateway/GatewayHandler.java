package com.gatehouse.gateway;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.RouteAccess;
import com.gatehouse.permission.RouteCall;
import com.gatehouse.permission.RouteRule;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * Forwards one call Gatehouse does not answer itself (issue 11): the /rest/ chain has already read
 * the body and verified the credential; here the caller must be authenticated (401), the policy
 * must allow the call ({@link RouteAccess}, 403), and then Spring Cloud Gateway's proxy exchange
 * sends the {@link ForwardedRequest} (credentials removed, identity added) and streams the
 * upstream's answer back unchanged but for hop-by-hop headers. Every decision is counted.
 */
final class GatewayHandler implements HandlerFunction<ServerResponse> {

	private static final Logger log = LoggerFactory.getLogger(GatewayHandler.class);

	private final RoutePolicy policy;

	private final List<RouteRule> rules;

	private final URI upstream;

	private final RouteAccess access;

	private final Collaborators with;

	GatewayHandler(RoutePolicy policy, URI upstream, RouteAccess access, Collaborators with) {
		this.policy = policy;
		this.rules = policy.rules();
		this.upstream = upstream;
		this.access = access;
		this.with = with;
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws Exception {
		HttpServletRequest servlet = request.servletRequest();
		Timer.Sample sample = this.with.metrics().start();
		Optional<RouteRule> matched = Optional.empty();
		String outcome = "failed";
		try {
			RouteCall call = RouteCalls.of(servlet, servlet.getMethod(), request.requestPath().value());
			matched = RouteAccess.firstMatch(this.rules, call);
			outcome = "unauthenticated";
			CallerAuthentication caller = CallerAuthentication.current();
			outcome = "denied";
			RouteRule rule = this.access.decide(caller, call, this.rules);
			outcome = "forwarded";
			return forward(servlet, call, caller, rule);
		}
		catch (RestFailure failure) {
			outcome = outcomeOf(failure, outcome);
			return failed(failure);
		}
		catch (RuntimeException failure) {
			RestFailure upstreamFailure = UpstreamFailures.of(failure);
			if (upstreamFailure == null) {
				throw failure;
			}
			outcome = upstreamFailure.code().replace('.', '_');
			log.warn("gateway upstream failure code={} cause={}", upstreamFailure.code(), failure.getClass().getName());
			return failed(upstreamFailure);
		}
		finally {
			this.with.metrics().record(GatewayMetrics.GATEWAY, matched, outcome, sample);
		}
	}

	private ServerResponse forward(HttpServletRequest servlet, RouteCall call, CallerAuthentication caller,
			RouteRule rule) throws Exception {
		byte[] body = this.with.bodies().withoutAuth(servlet);
		ForwardedRequest forwarded = new ForwardedRequest(servlet, body,
				this.with.identity().headers(caller.caller(), call.method(), call.path()));
		ServerRequest upstreamRequest = ServerRequest.create(forwarded, this.with.converters());
		URI target = this.policy.upstreamOf(rule, this.upstream);
		MvcUtils.putAttribute(upstreamRequest, MvcUtils.GATEWAY_REQUEST_URL_ATTR, target);
		if (log.isDebugEnabled()) {
			log.debug("gateway forwarding user_id={} action={} upstream={}", caller.caller().userId(), call.action(),
					target.getHost());
		}
		return this.with.proxy().handle(upstreamRequest);
	}

	private ServerResponse failed(RestFailure failure) {
		ResponseEntity<?> entity = this.with.renderer().toResponse(failure);
		return ServerResponse.status(entity.getStatusCode())
			.headers((headers) -> headers.addAll(entity.getHeaders()))
			.body(entity.getBody());
	}

	private static String outcomeOf(RestFailure failure, String stage) {
		if (failure.status() == HttpStatus.BAD_REQUEST) {
			return "invalid";
		}
		return failure.status() == HttpStatus.UNAUTHORIZED ? "unauthenticated" : stage.toLowerCase(Locale.ROOT);
	}

	/**
	 * What the handler works with besides the decision. {@code converters} are those of the
	 * upstream request, whose body the proxy copies as bytes: none.
	 */
	record Collaborators(ProxyExchangeHandlerFunction proxy, Identity identity, RequestBodies bodies,
			GatewayMetrics metrics, FailureRenderer renderer, List<HttpMessageConverter<?>> converters) {
	}

}
