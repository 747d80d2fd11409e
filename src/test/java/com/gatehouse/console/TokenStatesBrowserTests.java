package com.gatehouse.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Directory;
import com.gatehouse.MovableTimeTest;
import com.gatehouse.MutableClock;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that no longer work stay in the Tokens section, greyed: a revoked one says when and by
 * whom (an admin, or a leak report), an expired one when it stopped working; the REST API's
 * {@code authinfo} reads are as documented (a revoked key is gone from them). The expiry field
 * says when a token stops working, under this context's key policy (at most 30 days, the default
 * expiry). Time moves with a {@link MutableClock}.
 */
@MovableTimeTest
class TokenStatesBrowserTests extends BrowserTest {

	@Autowired
	MutableClock clock;

	@Test
	void whenAKeyIsRevokedThenItStaysListedGreyedWithWhenAndByWhom() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode key = newKey(user, "door panel");
		long working = newKey(user, "still working").path("id").asLong();
		this.directory.asAdmin("delete", "authinfo", Map.of("scope", Map.of("id", key.path("id").asLong())));
		signInAsAdmin();

		open("/admin/users/" + user.id() + "#tokens");

		String row = "#revoked-token-" + key.path("id").asLong();
		assertThat(find(row).getDomAttribute("class")).contains("ended");
		assertThat(text(row + " .state")).matches("revoked \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC by " + Directory.ADMIN_LOGIN);
		assertThat(text(row)).contains("door panel").contains(key.path("token").asString().substring(0, 4));
		assertThat(findAll(row + " a")).isEmpty();
		assertThat(text("#token-" + working + " .state")).isEqualTo("active");
		assertThat(findAll("#token-" + working + ".ended")).isEmpty();
		JsonNode listed = this.directory.asAdmin("read", "authinfo", Map.of("scope", Map.of("contact_id", user.id())))
			.json();
		assertThat(listed.path("numrows").asInt()).isEqualTo(1);
		assertThat(listed.path("values").path(0).path("id").asLong()).isEqualTo(working);
	}

	@Test
	void whenALeakReportRevokesAKeyThenTheListSaysSo() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		JsonNode key = newKey(user, "leaked");
		assertThat(this.api.post("/rest/auth/revoke", Map.of("keys", List.of(key.path("token").asString())))
			.status()).isEqualTo(200);
		signInAsAdmin();

		open("/admin/users/" + user.id() + "#tokens");

		assertThat(text("#revoked-token-" + key.path("id").asLong() + " .state")).endsWith(" by a leak report");
	}

	@Test
	void whenAKeyExpiresThenItStaysListedGreyedSayingWhenItStoppedWorking() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		// A few minutes only: Spring Session stamps sessions with real time, so a clock moved further
		// would end the admin's session as it starts.
		Instant expires = this.clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
		long id = this.directory.asAdmin("create", "authinfo",
				Map.of("values", Map.of("contact_id", user.id(), "expires", expires.toString())))
			.json().path("values").path(0).path("id").asLong();
		this.clock.advance(Duration.ofMinutes(3));
		signInAsAdmin();

		open("/admin/users/" + user.id() + "#tokens");

		String row = "#token-" + id;
		assertThat(find(row).getDomAttribute("class")).contains("ended");
		assertThat(text(row + " .state")).isEqualTo("expired");
		assertThat(text(row + " td[data-label=Expires]")).isEqualTo("stopped working " + ConsoleTime.of(expires));
	}

	@Test
	void whenATokenIsAddedThenTheExpiryFieldAndTheListSayWhenItStopsWorking() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		signInAsAdmin();
		open("/admin/users/" + user.id() + "#token-form");

		assertThat(text("label[for=tokenExpires]")).isEqualTo("Stops working on (optional)");
		assertThat(text("#tokenExpires-hint")).isEqualTo("The token stops working at 00:00 UTC as the chosen day"
				+ " begins: for one that works through 31 March, choose 1 April. Left empty, it stops working 30 days"
				+ " after it is made.");
		LocalDate day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(10);
		this.browser.executeScript("document.getElementById('tokenExpires').value = arguments[0]", day.toString());
		press("#add-token");
		press("#token-done");
		open(path() + "#tokens");

		assertThat(text("#token-list td[data-label=Expires]")).isEqualTo("stops working " + day + " 00:00 UTC");
		assertThat(text("#token-list .state")).isEqualTo("active");
	}

	private JsonNode newKey(TestUser user, String name) {
		return this.directory.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", user.id(), "name", name)))
			.json().path("values").path(0);
	}
}
