package com.gatehouse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's admin command line on the default embedded store, as an operator uses it: a
 * second process on the store of a service that is running (H2's AUTO_SERVER shares the file),
 * and on the store of a stopped service, whose next start sees the change.
 */
class AdminCommandLineIT {

	private static final String FIRST_PASSWORD = "first-admin-password";

	@TempDir
	Path dataDir;

	@Test
	void resetsAPasswordWhileTheServiceRunsAndCreatesAnAdminWhileItIsStopped() throws Exception {
		int port = RunningJar.freePort();
		Map<String, String> store = Map.of("GATEHOUSE_DATA_DIR", this.dataDir.toString());
		try (RunningJar service = RunningJar.start(Map.of("GATEHOUSE_DATA_DIR", this.dataDir.toString(), "SERVER_PORT",
				Integer.toString(port), "GATEHOUSE_ADMIN_PASSWORD", FIRST_PASSWORD))) {
			assertThat(login(port, "admin", FIRST_PASSWORD).status()).isEqualTo(200);

			RunningJar.Finished reset = RunningJar.admin(store, "reset-while-running\n", "reset-password", "admin");

			assertThat(reset.status()).as("%s", reset).isZero();
			assertThat(reset.out()).isEmpty();
			assertThat(reset.err().lines()).containsExactly("reset the password of 'admin' (id 1); its sessions have ended");
			assertThat(login(port, "admin", FIRST_PASSWORD).status()).isEqualTo(401);
			assertThat(login(port, "admin", "reset-while-running").status()).isEqualTo(200);
		}

		RunningJar.Finished created = RunningJar.admin(store, "", "create-admin", "rescue");

		assertThat(created.status()).as("%s", created).isZero();
		String generated = created.out().strip();
		assertThat(generated).hasSize(24);
		try (RunningJar service = RunningJar.start(Map.of("GATEHOUSE_DATA_DIR", this.dataDir.toString(), "SERVER_PORT",
				Integer.toString(port)))) {
			Api.Reply rescue = login(port, "rescue", generated);
			assertThat(rescue.status()).isEqualTo(200);
			assertThat(rescue.json().path("user").path("perms").path("admin").asString()).isEqualTo("yes");
			assertThat(service.output()).doesNotContain(generated).doesNotContain("generated password");
		}
	}

	private static Api.Reply login(int port, String login, String password) {
		return new Api(port).post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}
}
