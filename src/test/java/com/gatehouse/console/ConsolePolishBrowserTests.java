package com.gatehouse.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.gatehouse.Api;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person notices first in the console: the bare host leads to it, it has an icon, sessions
 * name a browser and a system rather than a User-Agent, addresses read as people write them, and
 * the audit trail pages back beyond its newest events.
 */
class ConsolePolishBrowserTests extends BrowserTest {

	private static final HttpClient IPV6 = HttpClient.newHttpClient();

	private static final String EDGE_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
			+ " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

	@Test
	void whenTheBareHostIsOpenedThenTheConsoleSignInShowsWithItsIcon() {
		open("/");

		assertThat(path()).isEqualTo("/admin/");
		assertThat(find("#sign-in").isDisplayed()).isTrue();
		String icon = find("link[rel=icon]").getDomAttribute("href");
		assertThat(icon).isEqualTo("/admin/favicon.svg");
		Api.Reply served = this.api.get(icon);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("image/svg+xml"));
		assertThat(served.body()).startsWith("<svg");
	}

	@Test
	void whenASystemAdminCreatesAUserThenTheCompanyIsPickedFromAListOfThem() {
		String company = this.directory.newCompany();
		signInAsAdmin();

		open("/admin/users/new");

		Select companies = new Select(find("#company"));
		assertThat(companies.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("default");
		assertThat(companies.getOptions()).extracting(WebElement::getText).contains(company + " · Company " + company);
		companies.selectByValue(company);
		assertThat(companies.getFirstSelectedOption().getText()).startsWith(company);
	}

	@Test
	void whenAUserSignsInFromIpv6LoopbackWithEdgeThenTheSessionSaysEdgeOnWindowsFromColonColonOne() throws Exception {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String key = this.directory.newKey(user.id());
		assertThat(fromIpv6Loopback("/rest/auth/", Map.of("auth", user.auth()), "User-Agent", EDGE_ON_WINDOWS))
			.isEqualTo(200);
		assertThat(fromIpv6Loopback("/rest/auth/", Map.of(), "Authorization", "token auth=" + key)).isEqualTo(200);
		signInAsAdmin();

		open("/admin/users/" + user.id() + "#tokens");

		assertThat(text("#session-list td[data-label=Address]")).isEqualTo("::1");
		assertThat(text("#session-list .browser")).isEqualTo("Edge 131 on Windows 10");
		assertThat(find("#session-list .browser").getDomAttribute("title")).isEqualTo(EDGE_ON_WINDOWS);
		assertThat(text("#token-list td[data-label='Last used']")).endsWith(" from ::1");
		// The store and the REST API keep the address as the container reported it.
		assertThat(this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", user.id())))
			.json().path("values").path(0).path("last_ip").asString()).isEqualTo("0:0:0:0:0:0:0:1");
	}

	@Test
	void whenAnAdminLooksAtItsOwnSessionsThenItsBrowserIsNamed() {
		signInAsAdmin();

		open("/admin/account#sessions");

		WebElement mine = findAll("#session-list tbody tr").stream()
			.filter((row) -> row.getText().contains("(this session)"))
			.findFirst()
			.orElseThrow();
		assertThat(mine.findElement(By.cssSelector(".browser")).getText()).matches("(Headless)?Chrom(e|ium) \\d+ on Linux");
	}

	@Test
	void whenMoreEventsMatchThanAPageShowsThenOlderEventsFollowOnTheNextPage() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		for (int change = 0; change < AuditController.SHOWN + 4; change++) {
			this.directory.asAdmin("update", "user",
					Map.of("scope", Map.of("id", user.id()), "values", Map.of("name", "Name " + change)));
		}
		signInAsAdmin();
		open("/admin/audit?user=" + user.login());

		assertThat(text("#audit-count")).isEqualTo("Matching events 1–200, newest first.");
		assertThat(findAll("#events tbody tr")).hasSize(AuditController.SHOWN);
		assertThat(findAll("#newer-events")).isEmpty();
		press("#older-events");

		// The user's creation, then SHOWN + 4 changes.
		assertThat(text("#audit-count")).isEqualTo("Matching events 201–205, newest first.");
		assertThat(findAll("#events tbody tr")).hasSize(5);
		assertThat(text("#events tbody tr:last-child td[data-label=Event]")).isEqualTo("user.created");
		assertThat(find("#user").getDomProperty("value")).isEqualTo(user.login());
		assertThat(findAll("#older-events")).isEmpty();
		press("#newer-events");
		assertThat(text("#audit-count")).isEqualTo("Matching events 1–200, newest first.");
		press("#older-events");
		assertThat(this.browser.getCurrentUrl()).contains("page=1");
	}

	/** POSTs {@code body} to the service over IPv6 loopback ([::1]) and answers the status. */
	private int fromIpv6Loopback(String path, Object body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://[::1]:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return IPV6.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
