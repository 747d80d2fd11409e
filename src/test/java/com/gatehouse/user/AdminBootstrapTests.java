package com.gatehouse.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.GatehouseApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts the whole application on a fresh in-memory H2 store of its own (not the suite's store and
 * not the test profile), to see what the first start and a later one do.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

	private static final Pattern GENERATED = Pattern.compile("generated password of System-Admin '([^']*)' is: (\\S+)");

	@Test
	void firstStartWithoutPasswordPrintsAGeneratedPasswordOnceAndAdminLogsInWithIt(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start(newDatabase())) {
			Matcher printed = GENERATED.matcher(output.getOut());
			assertThat(printed.find()).as("the generated password is printed").isTrue();
			String password = printed.group(2);
			assertThat(printed.group(1)).isEqualTo("admin");
			assertThat(printed.find()).as("printed only once").isFalse();
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);

			JsonNode user = loginSucceeds(app, "admin", password);

			assertSystemAdminOfDefault(user, "admin");
			assertThat(output.getAll().lines().filter((line) -> line.contains(password)))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("Gatehouse: the generated password of System-Admin"));
		}
	}

	@Test
	void firstStartWithPasswordAndLoginCreatesThatAdminAndPrintsNothing(CapturedOutput output) {
		String password = "chosen-" + UUID.randomUUID();
		try (ConfigurableApplicationContext app = start(newDatabase(), "gatehouse.admin.login=root",
				"gatehouse.admin.password=" + password)) {
			JsonNode user = loginSucceeds(app, "root", password);

			assertSystemAdminOfDefault(user, "root");
			assertThat(login(app, "admin", password).status()).isEqualTo(401);
			assertThat(output.getAll()).doesNotContain("generated password").doesNotContain(password);
		}
	}

	@Test
	void secondStartOnTheSameStoreCreatesAndPrintsNothingAndTheFirstPasswordStillWorks(CapturedOutput output) {
		String database = newDatabase();
		String password;
		try (ConfigurableApplicationContext first = start(database)) {
			Matcher printed = GENERATED.matcher(output.getOut());
			assertThat(printed.find()).isTrue();
			password = printed.group(2);
		}
		int firstStartEnd = output.getAll().length();

		try (ConfigurableApplicationContext second = start(database)) {
			String secondStart = output.getAll().substring(firstStartEnd);
			assertThat(secondStart).doesNotContain("generated password").doesNotContain("created the first System-Admin");
			loginSucceeds(second, "admin", password);
			assertThat(usersOfDefault(second, password)).hasSize(1);
		}
	}

	@Test
	void secondStartWithOtherAdminSettingsChangesNothing(CapturedOutput output) {
		String database = newDatabase();
		String firstPassword = "first-" + UUID.randomUUID();
		String secondPassword = "second-" + UUID.randomUUID();
		start(database, "gatehouse.admin.password=" + firstPassword).close();

		try (ConfigurableApplicationContext second = start(database, "gatehouse.admin.login=root",
				"gatehouse.admin.password=" + secondPassword)) {
			loginSucceeds(second, "admin", firstPassword);
			assertThat(login(second, "admin", secondPassword).status()).isEqualTo(401);
			assertThat(login(second, "root", secondPassword).status()).isEqualTo(401);
			assertThat(usersOfDefault(second, firstPassword)).hasSize(1);
			assertThat(output.getAll()).doesNotContain("generated password");
		}
	}

	@Test
	void adminPasswordShorterThanTwelveCharactersFailsTheStartWithAClearMessage(CapturedOutput output) {
		String tooShort = "elevenchars";

		assertThatThrownBy(() -> start(newDatabase(), "gatehouse.admin.password=" + tooShort).close())
			.satisfies((failure) -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("GATEHOUSE_ADMIN_PASSWORD must be 12 to 128 characters long"));
		assertThat(output.getAll()).doesNotContain(tooShort).doesNotContain("generated password");
	}

	@Test
	void adminPasswordOfExactlyTwelveCharactersIsAccepted() {
		String password = "twelve-chars";
		try (ConfigurableApplicationContext app = start(newDatabase(), "gatehouse.admin.password=" + password)) {
			loginSucceeds(app, "admin", password);
		}
	}

	/**
	 * Starts the application with {@code settings} as command-line arguments: they outrank the system
	 * property that points the suite's PostgreSQL run at its database, so this store is always H2.
	 */
	private static ConfigurableApplicationContext start(String database, String... settings) {
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=jdbc:h2:mem:" + database
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		args.add("--server.port=0");
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(GatehouseApplication.class).run(args.toArray(String[]::new));
	}

	private static String newDatabase() {
		return "bootstrap_" + UUID.randomUUID().toString().replace("-", "");
	}

	private static Api api(ConfigurableApplicationContext app) {
		return new Api(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private static Api.Reply login(ConfigurableApplicationContext app, String login, String password) {
		return api(app).post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
	}

	private static JsonNode loginSucceeds(ConfigurableApplicationContext app, String login, String password) {
		Api.Reply reply = login(app, login, password);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("user");
	}

	private static void assertSystemAdminOfDefault(JsonNode user, String login) {
		assertThat(user.path("login").asString()).isEqualTo(login);
		assertThat(user.path("company").asString()).isEqualTo("default");
		assertThat(user.path("home").asString()).isEqualTo("default");
		assertThat(user.path("perms").propertyNames()).containsExactly("admin");
		assertThat(user.path("perms").path("admin").asString()).isEqualTo("yes");
	}

	private static JsonNode usersOfDefault(ConfigurableApplicationContext app, String adminPassword) {
		Api.Reply reply = api(app).post("/rest/ops/read/user", Map.of("scope", Map.of("company", "default"), "auth",
				Map.of("type", "auth", "username", "admin", "password", adminPassword)));
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		return reply.json().path("values");
	}
}
