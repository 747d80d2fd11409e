package com.gatehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's way of running Gatehouse, as a user does it: the jar that {@code mvn package}
 * built, started as a process with only {@code GATEHOUSE_DATA_DIR} and {@code SERVER_PORT} set.
 * The first start makes the store there and prints a generated admin password once; a restart
 * changes nothing. Runs in the integration-test phase, after the jar exists.
 */
class PackagedJarIT {

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("generated password of System-Admin 'admin' is: (\\S+)");

	@TempDir
	Path dataDir;

	@Test
	void firstStartCreatesTheStoreAndPrintsTheAdminPasswordOnceAndRestartChangesNothing() throws Exception {
		int port = RunningJar.freePort();
		String password;
		try (RunningJar first = start(this.dataDir, port)) {
			first.awaitOutput("shown only this once");
			Matcher printed = GENERATED_PASSWORD.matcher(first.output());
			assertThat(printed.find()).as(first.output()).isTrue();
			password = printed.group(1);
			assertThat(password).hasSizeGreaterThanOrEqualTo(12);
			assertThat(login(port, password).status()).isEqualTo(200);
		}
		try (var stored = Files.list(this.dataDir)) {
			assertThat(stored).anyMatch((file) -> file.getFileName().toString().startsWith("gatehouse"));
		}

		try (RunningJar second = start(this.dataDir, port)) {
			assertThat(second.output()).doesNotContain("generated password");
			Api.Reply reply = login(port, password);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().path("user").path("perms").path("admin").asString()).isEqualTo("yes");
		}
	}

	private static RunningJar start(Path dataDir, int port) throws Exception {
		return RunningJar.start(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(), "SERVER_PORT", Integer.toString(port)));
	}

	private static Api.Reply login(int port, String password) {
		return new Api(port).post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", "admin", "password", password)));
	}
}
