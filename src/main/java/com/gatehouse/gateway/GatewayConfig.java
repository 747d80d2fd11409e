package com.gatehouse.gateway;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import com.gatehouse.permission.RouteAccess;
import com.gatehouse.rest.FailureRenderer;

/**
 * Wires the gateway: the route policy (read once at startup; a mistake stops startup), and when
 * {@code GATEHOUSE_GATEWAY_UPSTREAM} is set, a router function that takes every {@code /rest/}
 * section Gatehouse does not answer itself. Annotated controllers are asked first, so
 * {@code /rest/auth/} and {@code /rest/ops/} stay Gatehouse's; the router also leaves their
 * unknown paths alone, which stay 404 as before.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfig {

	private static final Logger log = LoggerFactory.getLogger(GatewayConfig.class);

	@Bean
	RoutePolicy routePolicy(GatewayProperties properties) {
		if (properties.policy() == null) {
			if (properties.upstream() != null) {
				log.warn("GATEHOUSE_GATEWAY_UPSTREAM is set but GATEHOUSE_GATEWAY_POLICY is not: "
						+ "every call to the gateway will be refused (fail closed)");
			}
			return RoutePolicy.none();
		}
		RoutePolicy policy = PolicyFile.load(properties.policy());
		log.info("gateway policy {} loaded: {} routes", properties.policy(), policy.routes().size());
		return policy;
	}

	/** The pooled connections to upstreams, a bean so that the context closes them. */
	@Bean
	@Conditional(GatewayOn.class)
	UpstreamConnections upstreamConnections(GatewayProperties properties) {
		return new UpstreamConnections(properties);
	}

	/**
	 * Spring Cloud Gateway's exchange over {@link UpstreamConnections}: the read timeout is a limit on
	 * silence (a stalled upstream is cut off, a long download is not), and redirects go back to the
	 * client as they are. Only with the gateway on: otherwise Spring Cloud is not configured at all
	 * ({@link GatewayAutoConfigurations}).
	 */
	@Bean
	@Conditional(GatewayOn.class)
	ProxyExchange gatewayProxyExchange(UpstreamConnections connections, GatewayMvcProperties gateway) {
		return new RestClientProxyExchange(RestClient.builder().requestFactory(connections).build(), gateway);
	}

	@Bean
	@ConditionalOnProperty(GatewayOn.UPSTREAM)
	RouterFunction<ServerResponse> gatewayRoutes(GatewayProperties properties, RoutePolicy policy, RouteAccess access,
			ProxyExchangeHandlerFunction proxy, Identity identity, RequestBodies bodies, GatewayMetrics metrics,
			FailureRenderer renderer) {
		URI upstream = properties.upstream();
		log.info("gateway forwarding other /rest/ sections to {}", upstream);
		GatewayHandler handler = new GatewayHandler(policy, upstream, access, new GatewayHandler.Collaborators(proxy,
				identity, bodies, metrics, renderer, List.of()));
		return RouterFunctions.route(forwarded(policy), handler);
	}

	/** Other /rest/ sections than Gatehouse's own, and the paths the policy's path rules name. */
	private static RequestPredicate forwarded(RoutePolicy policy) {
		return (request) -> {
			String path = request.requestPath().value();
			String section = RouteCalls.section(path);
			if (section != null) {
				return !RouteCalls.OWN_SECTIONS.contains(section);
			}
			return policy.rules().stream().anyMatch((rule) -> rule.pathPrefix() != null && path.startsWith(rule.pathPrefix()));
		};
	}
}
