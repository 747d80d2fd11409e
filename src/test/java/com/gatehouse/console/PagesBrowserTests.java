package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.Secrets;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Roles, Companies, Audit and My account pages in a real browser, as their users go through
 * them: each test one task, ending with a screenshot.
 */
class PagesBrowserTests extends BrowserTest {

	@Test
	void whenCompanyAdminCreatesAndEditsARoleThenTheListShowsIt() {
		String company = this.directory.newCompany();
		signIn(this.directory.newUser(company, "Company-Admin"));
		String name = Directory.unique("Support");

		open("/admin/roles");
		press("#new-role");
		type("name", name);
		type("perm-1-name", "tickets");
		new Select(find("#perm-1")).selectByValue("company");
		press("#save-role");

		assertThat(text(".notice")).isEqualTo("The role was created.");
		assertThat(find("#perm-0-name").getDomProperty("value")).isEqualTo("admin");
		new Select(find("#perm-2")).selectByValue("yes");
		type("perm-2-name", "billing");
		press("#save-role");
		assertThat(text("#perm-2-error")).contains("You cannot grant 'billing' this widely");
		assertThat(find("#name").getDomProperty("value")).isEqualTo(name);
		new Select(find("#perm-2")).selectByValue("company");
		press("#save-role");
		assertThat(text(".notice")).isEqualTo("The role was saved.");
		open("/admin/roles");
		assertThat(text("#roles")).contains(name).contains("billing: company, tickets: company");
	}

	@Test
	void whenSystemAdminCreatesAndEditsACompanyThenTheListShowsIt() {
		signInAsAdmin();
		String handle = Directory.unique("co");

		press("header a[href='/admin/companies']");
		press("#new-company");
		type("id", handle);
		type("name", "Acme Anvils");
		type("description", "Makes anvils.");
		press("#save-company");
		assertThat(text(".notice")).isEqualTo("The company was created.");
		type("name", "Acme Anvils and Sons");
		press("#save-company");

		assertThat(text(".notice")).isEqualTo("The company was saved.");
		open("/admin/companies");
		assertThat(text("#companies")).contains(handle).contains("Acme Anvils and Sons").contains("Makes anvils.");
	}

	@Test
	void whenTheAuditTrailIsFilteredByEventAndUserThenOnlyMatchingEventsShow() {
		String company = this.directory.newCompany();
		TestUser wanted = this.directory.newUser(company, "User");
		TestUser other = this.directory.newUser(company, "User");
		signIn(this.directory.newUser(company, "Company-Admin"));

		press("header a[href='/admin/audit']");
		type("event", "user.created");
		type("user", wanted.login());
		press("#filter");

		assertThat(text("#audit-count")).isEqualTo("1 matching events, newest first.");
		assertThat(text("#events")).contains(wanted.login()).doesNotContain(other.login());
		assertThat(find("#user").getDomProperty("value")).isEqualTo(wanted.login());
	}

	@Test
	void whenUserChangesOwnPasswordThenTheNewOneSignsIn() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String wanted = "a-new-password-" + user.login();
		Secrets.add(Secrets.Kind.PASSWORD, wanted);
		signIn(user);
		assertThat(path()).isEqualTo("/admin/account");

		type("currentPassword", "not-the-password");
		type("password", wanted);
		type("confirm", wanted);
		press("#change-password");
		assertThat(text("#currentPassword-error")).isEqualTo("That is not your current password");
		assertThat(find("#password").getDomProperty("value")).isEmpty();
		type("currentPassword", user.password());
		type("password", wanted);
		type("confirm", wanted);
		press("#change-password");
		assertThat(text(".notice")).startsWith("Your password was changed.");
		press("#sign-out");
		signIn(user.login(), wanted);

		assertThat(path()).isEqualTo("/admin/account");
		assertThat(text("header .who")).contains(user.login());
	}

	@Test
	void whenUserEndsAnOwnSessionThenItsCookieStopsWorking() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String elsewhere = this.directory.login(user);
		signIn(user);

		assertThat(findAll("#session-list tbody tr")).hasSize(2);
		assertThat(find("#end-others").isDisplayed()).isTrue();
		press(".end-session");

		assertThat(text(".notice")).isEqualTo("The session was ended.");
		assertThat(findAll("#session-list tbody tr")).hasSize(1);
		assertThat(text("#session-list")).contains("(this session)");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), elsewhere).status()).isEqualTo(401);
		assertThat(this.browser.findElements(By.id("end-others"))).isEmpty();
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), sessionCookie()).status()).isEqualTo(200);
	}

	@Test
	void whenPhoneWidthThenTheRoleFormFitsWithoutSidewaysScrolling() {
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		signIn(this.directory.newUser(this.directory.newCompany(), "Company-Admin"));

		open("/admin/roles/new");

		Number scrollWidth = (Number) this.browser.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) this.browser.executeScript("return window.innerWidth");
		assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
		assertThat(find("#save-role").isDisplayed()).isTrue();
	}
}
