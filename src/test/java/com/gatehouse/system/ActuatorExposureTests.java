package com.gatehouse.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.GatehouseTest;

/**
 * The default: no management port, so the actuator shares the API port, where only health answers.
 * HealthAndMetricsTests covers the management port.
 */
@GatehouseTest
class ActuatorExposureTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/readyz",
			"/livez" })
	void healthWhenNoManagementPortThenAnswersUpOnApiPort(String path) {
		Api.Reply reply = this.api.get(path);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
		assertThat(reply.json().has("components")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator", "/actuator/", "/actuator/metrics",
			"/actuator/healthx", "/actuator/prometheus/" })
	void actuatorBeyondHealthWhenNoManagementPortThenAnswersNotFoundAnonymously(String path) {
		Api.Reply reply = this.api.get(path);

		assertThat(reply.status()).as("%s", reply).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("request.unknown_path");
		assertThat(reply.body()).doesNotContain("gatehouse_");
	}
}
