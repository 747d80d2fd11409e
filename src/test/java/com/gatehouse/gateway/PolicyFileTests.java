package com.gatehouse.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gatehouse.permission.Grant;
import com.gatehouse.permission.RouteRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy file: the issue's example reads as written; every mistake names its line. */
class PolicyFileTests {

	@TempDir
	Path directory;

	@Test
	void loadWhenTheIssuesExampleThenThreeRulesInOrder() throws IOException {
		RoutePolicy policy = PolicyFile.load(write("""
				routes:
				  - match: {section: call, verb: read, type: cdr}
				    require: {perm: cdr, level: company}
				  - match: {section: dialplan, verb: "*", type: nm}
				    require: {perm: nightmode, level: company}
				    upstream: http://dialplan:8080        # optional, else GATEHOUSE_GATEWAY_UPSTREAM
				  - match: {path: /api/}
				    require: {authenticated: true}
				"""));

		assertThat(policy.rules()).containsExactly(RouteRule.call("call", "read", "cdr", "cdr", Grant.COMPANY),
				RouteRule.call("dialplan", "*", "nm", "nightmode", Grant.COMPANY),
				RouteRule.path("/api/", null, Grant.COMPANY));
		assertThat(policy.routes().get(1).upstream()).hasToString("http://dialplan:8080");
	}

	@Test
	void loadWhenMistakenThenTheMessageNamesTheLine() throws IOException {
		assertMistake("routes:\n  - match: {section: call}\n    require: {perm: cdr, level: always}\n", "line 3",
				"'level' must be 'company' or 'yes'");
		assertMistake("routes:\n  - match: {section: call}\n    require: {perm: cdr}\n    upstrem: http://x\n", "line 4",
				"unknown key 'upstrem'");
		assertMistake("routes:\n  - match: {verb: read}\n    require: {authenticated: true}\n", "line 2", "'section'");
		assertMistake("routes:\n  - match: {section: call}\n", "line 2", "'require' is missing");
		assertMistake("routes:\n  - match: {section: call}\n    require: {authenticated: false}\n", "line 3",
				"'authenticated: true'");
		assertMistake("routes:\n  - match: {section: call}\n    require: {authenticated: true}\n    upstream: http://x/base\n",
				"line 4", "without path");
		assertMistake("routes:\n  - match: {section: [call\n", "line 3", "not valid YAML");
		assertMistake("", "line 1", "empty");
	}

	private void assertMistake(String yaml, String line, String message) throws IOException {
		Path file = write(yaml);
		assertThatThrownBy(() -> PolicyFile.load(file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining(line)
			.hasMessageContaining(message);
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(Files.createTempFile(this.directory, "policy", ".yaml"), yaml);
	}
}
