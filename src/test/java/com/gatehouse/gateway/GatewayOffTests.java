package com.gatehouse.gateway;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code GATEHOUSE_GATEWAY_UPSTREAM} or a policy there is no gateway: other sections stay 404
 * as before, and Spring Cloud is not configured at all.
 */
@GatehouseTest
class GatewayOffTests {

	@LocalServerPort
	int port;

	@Test
	void otherSectionWhenNoGatewayThen404AndNoGatewayEndpoints() {
		Api api = new Api(this.port);

		Api.Reply call = api.post("/rest/call/read/cdr", Map.of("auth", Directory.adminAuth()));

		assertThat(call.status()).isEqualTo(404);
		assertThat(call.code()).isEqualTo("request.unknown_path");
		assertThat(api.get("/.well-known/jwks.json").status()).isEqualTo(404);
		assertThat(api.get("/forward-auth", "X-Original-URI", "/rest/call/read/cdr").status()).isEqualTo(404);
	}

	@Test
	void contextWhenNoGatewayThenNothingOfSpringCloudIsConfigured(@Autowired ApplicationContext context) {
		// GatewayAutoConfigurations: a large share of the start's work, for beans nothing uses here.
		assertThat(context.getBeanDefinitionNames()).noneSatisfy((name) -> assertThat(
				context.getType(name) == null ? "" : context.getType(name).getName()).startsWith("org.springframework.cloud."));
		assertThat(context.getBeanNamesForType(RestClient.Builder.class)).isEmpty();
	}
}
