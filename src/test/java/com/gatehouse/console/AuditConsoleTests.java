package com.gatehouse.console;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Audit page over plain HTTP: filters by event, user and time, a malformed time refused next to
 * its field, and a Company-Admin shown its own company's events only, whatever the filters say.
 */
@GatehouseTest
class AuditConsoleTests {

	Api api;

	Directory directory;

	FormPosts forms;

	@Test
	void whenFilteredByEventAndUserThenOnlyThatUsersEventsOfThatKindAreShown() {
		String company = this.directory.newCompany();
		TestUser admin = this.directory.newUser(company, "Company-Admin");
		TestUser one = this.directory.newUser(company, "User");
		TestUser other = this.directory.newUser(company, "User");
		String session = this.directory.login(admin);

		Api.Reply page = this.forms.page("/admin/audit?event=user.created&user=" + one.login().toUpperCase(), session);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(one.login() + " (id " + one.id() + ")")
			.doesNotContain(other.login())
			.contains("1 matching events")
			.contains("value=\"user.created\"");
	}

	@Test
	void whenFilteredByTimeThenEventsOutsideAreLeftOut() {
		String company = this.directory.newCompany();
		TestUser user = this.directory.newUser(company, "User");
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		String later = LocalDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();

		Api.Reply before = this.forms.page("/admin/audit?user=" + user.login() + "&to=" + later, session);
		Api.Reply after = this.forms.page("/admin/audit?user=" + user.login() + "&from=" + later, session);

		assertThat(before.body()).contains("user.created");
		assertThat(after.body()).contains("No events match.").doesNotContain("(id " + user.id() + ")");
	}

	@Test
	void whenTimeIsMalformedThenTheErrorIsNextToItAndTheFiltersAreKept() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "Company-Admin"));

		Api.Reply page = this.forms.page("/admin/audit?event=session.ended&from=yesterday", session);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"from-error\"").contains("value=\"yesterday\"").contains("value=\"session.ended\"");
	}

	@Test
	void whenFromIsAfterToThenTheErrorIsNextToTo() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "Company-Admin"));

		Api.Reply page = this.forms.page("/admin/audit?from=2026-05-02T00:00&to=2026-05-01T00:00", session);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"to-error\"");
	}

	@Test
	void whenCompanyAdminFiltersForAnotherCompanysUserThenNothingOfTheirsIsShown() {
		String company = this.directory.newCompany();
		String session = this.directory.login(this.directory.newUser(company, "Company-Admin"));
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply filtered = this.forms.page("/admin/audit?user=" + stranger.login(), session);
		Api.Reply all = this.forms.page("/admin/audit", session);

		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.body()).contains("No events match.");
		assertThat(all.body()).doesNotContain(stranger.login()).doesNotContain(stranger.company());
	}

	@Test
	void whenSystemAdminReadsTheTrailThenEveryCompanysEventsAreThere() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String admin = this.api.post("/rest/auth/", Map.of("auth", Directory.adminAuth())).sessionCookie().orElseThrow();

		assertThat(this.forms.page("/admin/audit?user=" + user.login(), admin).body()).contains(user.company());
	}

	@Test
	void whenPlainUserOpensTheTrailThenItIsForbidden() {
		String session = this.directory.login(this.directory.newUser(this.directory.newCompany(), "User"));

		Api.Reply page = this.forms.page("/admin/audit", session);

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).doesNotContain("matching events");
	}
}
