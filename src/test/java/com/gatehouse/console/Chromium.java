package com.gatehouse.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Gives every {@link BrowserTest} class the one headless Debian Chromium of the run, driven through
 * {@code /usr/bin/chromedriver} (set explicitly, so Selenium Manager never downloads anything) with a
 * fresh profile: started for the first class, quit when the run ends (JUnit closes what its root
 * store holds), since a start costs more than most classes' tests. Without Chromium or its driver
 * the classes are skipped, unless {@code GATEHOUSE_TEST_BROWSER=required} (CI) makes that a failure.
 */
final class Chromium implements BeforeAllCallback {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	@Override
	public void beforeAll(ExtensionContext context) {
		boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
		if (!present && "required".equals(System.getenv("GATEHOUSE_TEST_BROWSER"))) {
			Assertions.fail("GATEHOUSE_TEST_BROWSER=required, but " + BINARY + " or " + DRIVER + " is missing");
		}
		Assumptions.assumeTrue(present, "no " + BINARY + " or " + DRIVER + ": browser tests skipped");
		BrowserTest test = (BrowserTest) context.getRequiredTestInstance();
		test.browser = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(Chromium.class))
			.computeIfAbsent(Running.class, (key) -> Running.start(), Running.class)
			.driver();
	}

	private record Running(ChromeDriver driver, Path profile) implements AutoCloseable {

		static Running start() {
			try {
				Path profile = Files.createTempDirectory("gatehouse-chromium-");
				ChromeOptions options = new ChromeOptions();
				options.setBinary(BINARY.toFile());
				options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions", "--password-store=basic",
						"--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
						"--user-data-dir=" + profile, "--window-size=1280,900");
				// Chromium's crash handler and dconf write under the user's home whatever the profile says
				// (~/.config/chromium/Crash Reports, ~/.cache/dconf): a home inside the profile keeps them in
				// what close() deletes.
				ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
					.usingAnyFreePort()
					.withEnvironment(Map.of("HOME", profile.toString(), "XDG_CONFIG_HOME", profile.resolve("config").toString(),
							"XDG_CACHE_HOME", profile.resolve("cache").toString()))
					.build();
				ChromeDriver driver = new ChromeDriver(service, options);
				driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
				return new Running(driver, profile);
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
		}

		@Override
		public void close() throws IOException {
			this.driver.quit();
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}
}
