package com.gatehouse.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.Secrets;
import com.gatehouse.TestUser;

/**
 * The base of every console browser test: the service on a random port (as {@link GatehouseTest}),
 * the run's one headless Chromium ({@link Chromium}, which skips the class where there is none), and
 * a screenshot of every test in {@code target/screenshots/<TestClass>-<test>.png}, failed or not.
 * Each test starts with no cookies at a 1280x900 window. The browser talks only to 127.0.0.1.
 *
 * <p>These classes spend most of their time waiting for the browser, so they run beside the rest of
 * the suite (junit-platform.properties), one class at a time on the one browser. Their service is a
 * context of its own (a name of its own makes it one), so their calls reach no other test's clock,
 * limits or counters; it shares the suite's store, which the after-suite secret scan reads.
 */
@GatehouseTest
@TestPropertySource(properties = "spring.application.name=gatehouse-browser")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(BrowserTest.CHROMIUM)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.class)
public abstract class BrowserTest {

	static final String CHROMIUM = "chromium";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	protected int port;

	/** The run's one browser, set by {@link Chromium} before the class's tests. */
	protected ChromeDriver browser;

	protected Api api;

	protected Directory directory;

	private String adminSession;

	@BeforeEach
	void freshBrowser() {
		this.browser.manage().window().setSize(new Dimension(1280, 900));
		open("/admin/console.css");
		this.browser.manage().deleteAllCookies();
	}

	@AfterEach
	void screenshot(TestInfo test) throws IOException {
		String name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName() + ".png";
		Files.createDirectories(SCREENSHOTS);
		Path taken = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	/** Loads {@code path} (e.g. {@code /admin/users}) of the service under test. */
	protected void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	/** The path of the page the browser shows, without the query. */
	protected String path() {
		return java.net.URI.create(this.browser.getCurrentUrl()).getPath();
	}

	/** Signs in through the console's form. */
	protected void signIn(String login, String password) {
		Secrets.add(Secrets.Kind.PASSWORD, password);
		open("/admin/");
		type("login", login);
		type("password", password);
		press("#sign-in");
	}

	/**
	 * Clicks the button or link {@code cssSelector} finds and waits until the answer has replaced
	 * the page: the click can return before that, and what a test reads next must be the new page.
	 */
	protected void press(String cssSelector) {
		WebElement pressed = find(cssSelector);
		pressed.click();
		// While the old document goes away Chromium may answer "node does not belong to the
		// document" before "stale element": both mean the page is being replaced, so ask again.
		waitUpTo(Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(pressed));
	}

	/**
	 * Signs in as the System-Admin, with the session the class signed in with before while it lives
	 * (a form sign-in costs a password hash); lands on the Users page either way.
	 */
	protected void signInAsAdmin() {
		if (this.adminSession != null) {
			this.browser.manage().addCookie(new Cookie(Api.COOKIE, this.adminSession, "/"));
			open("/admin/users");
			if ("/admin/users".equals(path())) {
				return;
			}
		}
		signIn(Directory.ADMIN_LOGIN, Directory.ADMIN_PASSWORD);
		this.adminSession = sessionCookie();
	}

	protected void signIn(TestUser user) {
		signIn(user.login(), user.password());
	}

	/** Clears the input with id {@code id} and types {@code text} into it. */
	protected void type(String id, String text) {
		WebElement input = find("#" + id);
		input.clear();
		input.sendKeys(text);
	}

	/** The element {@code cssSelector} finds, waiting up to 5 seconds for it (a submitted form may still be loading). */
	protected WebElement find(String cssSelector) {
		return waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
	}

	/**
	 * A wait that asks every 20 ms: Selenium's default of 500 ms left the browser idle for most of
	 * every page change, which is most of these tests' time.
	 */
	private WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.browser, timeout, Duration.ofMillis(20));
	}

	protected List<WebElement> findAll(String cssSelector) {
		return this.browser.findElements(By.cssSelector(cssSelector));
	}

	/** The text of the element {@code cssSelector} finds. */
	protected String text(String cssSelector) {
		return find(cssSelector).getText();
	}

	/** The browser's session cookie, as a REST client would send it; null when it has none. */
	protected String sessionCookie() {
		Cookie cookie = this.browser.manage().getCookieNamed(Api.COOKIE);
		if (cookie != null) {
			Secrets.add(Secrets.Kind.SESSION, cookie.getValue());
		}
		return (cookie != null) ? cookie.getValue() : null;
	}
}
