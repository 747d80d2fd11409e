package com.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gatehouse.audit.log=true} with an ECS console, as a SIEM reads it: each audit event is
 * also one JSON log line carrying the event's fields (ECS nests them under {@code audit}), and
 * none carries the password sent.
 */
@GatehouseTest
@TestPropertySource(properties = { "gatehouse.audit.log=true", "logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

	@LocalServerPort
	int port;

	@Test
	void failedLoginWhenAuditLogOnThenLogsAStructuredEventWithoutThePassword(CapturedOutput output) {
		Api api = new Api(this.port);
		TestUser user = new Directory(api).newUser(new Directory(api).newCompany(), "User");
		String wrong = "not-" + user.password();

		Api.Reply reply = api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", wrong)));

		assertThat(reply.status()).isEqualTo(401);
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> events = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains("\"audit\":{"))
			.map(json::readTree)
			.filter((event) -> user.login().equals(event.path("audit").path("login").asString(null)))
			.filter((event) -> "login.failure".equals(event.path("audit").path("event").asString(null)))
			.toList();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.path("audit").path("detail").asString()).startsWith("password refused");
			assertThat(event.path("audit").path("company").asString()).isEqualTo(user.company());
			assertThat(event.path("audit").path("ip").asString()).isNotEmpty();
			assertThat(event.path("log").path("logger").asString()).isEqualTo("com.gatehouse.audit.events");
		});
		assertThat(output.getOut()).doesNotContain(wrong).doesNotContain(user.password());
	}
}
