package com.gatehouse.system;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, as docs/deploy.md advises: the actuator (health and
 * prometheus) answers on that port, and the API port keeps only {@code /readyz} and {@code /livez}
 * for load balancers. ActuatorExposureTests covers the default, one shared port.
 */
@GatehouseTest
@TestPropertySource(properties = "management.server.port=0")
class HealthAndMetricsTests {

	private static final String LOGIN_SUCCESS = "gatehouse_logins_total{outcome=\"success\"}";

	private static final String LOGIN_FAILURE = "gatehouse_logins_total{outcome=\"failure\"}";

	private static final String KEY_SUCCESS = "gatehouse_key_authentications_total{outcome=\"success\"}";

	private static final String KEY_FAILURE = "gatehouse_key_authentications_total{outcome=\"failure\"}";

	private static final String DENIALS = "gatehouse_permission_denials_total";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	Api api;

	Api management;

	Directory directory;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.management = new Api(this.managementPort);
		this.directory = new Directory(this.api);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void healthWhenManagementPortSetThenAnswersUpThere(String path) {
		Api.Reply reply = this.management.get(path);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
		assertThat(reply.json().has("components")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readyz", "/livez" })
	void healthWhenManagementPortSetThenApiPortStillAnswersProbes(String path) {
		Api.Reply reply = this.api.get(path);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator" })
	void actuatorWhenManagementPortSetThenApiPortAnswersNotFound(String path) {
		Api.Reply reply = this.api.get(path);

		assertThat(reply.status()).as("%s", reply).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("request.unknown_path");
	}

	@Test
	void prometheusWhenManagementPortSetThenDescribesEveryGatehouseCounter() {
		String scrape = scrape();

		assertThat(scrape).contains("# HELP gatehouse_logins_total Password logins, by outcome",
				"# HELP gatehouse_key_authentications_total Calls authenticated by Auth Key, by outcome",
				"# HELP gatehouse_permission_denials_total ");
		// Registered with every outcome at start, not at first use: each sample is there whatever ran.
		assertThat(scrape).containsPattern("(?m)^" + Pattern.quote(LOGIN_FAILURE) + " \\d")
			.containsPattern("(?m)^" + Pattern.quote(KEY_FAILURE) + " \\d")
			.containsPattern("(?m)^" + Pattern.quote(KEY_SUCCESS) + " \\d")
			.containsPattern("(?m)^" + Pattern.quote(LOGIN_SUCCESS) + " \\d");
	}

	@Test
	void successfulLoginIsCounted() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		double before = metric(LOGIN_SUCCESS);

		this.directory.login(user);

		assertThat(metric(LOGIN_SUCCESS)).isGreaterThan(before);
	}

	@Test
	void failedLoginIsCounted() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		double before = metric(LOGIN_FAILURE);

		Api.Reply reply = this.api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", "not-" + user.password())));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(metric(LOGIN_FAILURE)).isGreaterThan(before);
	}

	@Test
	void keyAuthenticationIsCounted() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		double before = metric(KEY_SUCCESS);

		Api.Reply reply = this.api.post("/rest/auth/", "{}", "Authorization", "token auth=" + key);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(metric(KEY_SUCCESS)).isGreaterThan(before);
	}

	@Test
	void rejectedKeyIsCounted() {
		double before = metric(KEY_FAILURE);

		Api.Reply reply = this.api.post("/rest/auth/", "{}", "Authorization", "token auth=" + "x".repeat(43));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(metric(KEY_FAILURE)).isGreaterThan(before);
	}

	@Test
	void permissionDenialIsCounted() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		double before = metric(DENIALS);

		Api.Reply reply = this.api.post("/rest/ops/read/company", "{}", "Authorization", "token auth=" + key);

		assertThat(reply.status()).as("%s", reply).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("permission.denied");
		assertThat(metric(DENIALS)).isGreaterThan(before);
	}

	@Test
	void prometheusShowsEveryGatehouseCounterAfterUse() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", "wrong")));
		this.api.post("/rest/ops/read/company", "{}", "Authorization", "token auth=" + key);

		String scrape = scrape();

		assertThat(scrape).contains(LOGIN_SUCCESS + " ", LOGIN_FAILURE + " ", KEY_SUCCESS + " ", DENIALS + " ");
	}

	@Test
	void prometheusAfterKeyCallsShowsRequestTimingsButNoObservationsOfSecurityInternals() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		assertThat(this.api.post("/rest/auth/", "{}", "Authorization", "token auth=" + key).status()).isEqualTo(200);

		String scrape = scrape();

		// Spring Security's per-filter observations were the largest cost of a call (docs/performance.md).
		assertThat(scrape).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
	}

	private String scrape() {
		Api.Reply reply = this.management.get("/actuator/prometheus");
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.body();
	}

	/** The value of the sample named exactly {@code sample} (name and labels); 0 before it first appears. */
	private double metric(String sample) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape());
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}
}
