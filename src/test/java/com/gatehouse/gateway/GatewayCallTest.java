package com.gatehouse.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;

import static com.gatehouse.gateway.GatewayFixture.UPSTREAM;

/**
 * What the tests of calls through the gateway to {@link GatewayFixture}'s recording upstream share:
 * the service's ports, its fixtures, and an upstream that has forgotten what earlier tests sent it.
 */
abstract class GatewayCallTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	Api api;

	Directory directory;

	@BeforeEach
	void forgetEarlierCalls() {
		UPSTREAM.forget();
	}
}
