package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.Secrets;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** The Users page and the user edit screen in a real browser: list, search, create, edit, and who sees whom. */
class UserConsoleBrowserTests extends BrowserTest {

	@Test
	void whenAdminCreatesAUserThenItsEditScreenOpensAndItCanLogIn() {
		String company = this.directory.newCompany();
		String login = Directory.unique("console");
		String password = "console-" + login + "-pw";
		Secrets.add(Secrets.Kind.PASSWORD, password);
		signInAsAdmin();

		press("#new-user");
		type("login", login);
		type("name", "Made In Console");
		type("password", password);
		new Select(find("#company")).selectByValue(company);
		new Select(find("#role")).selectByVisibleText("Company-Admin");
		press("#create-user");

		assertThat(path()).matches("/admin/users/\\d+");
		assertThat(text(".notice")).isEqualTo("The user was created.");
		assertThat(text("#user-login")).isEqualTo(login);
		assertThat(text("#user-company")).isEqualTo(company);
		assertThat(new Select(find("#role")).getFirstSelectedOption().getText()).isEqualTo("Company-Admin");
		Api.Reply login1 = this.api.post("/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", login, "password", password)));
		assertThat(login1.status()).isEqualTo(200);
	}

	@Test
	void whenAnotherCompanyIsPickedThenTheRoleListOffersItsRolesAndWhatWasTypedStays() {
		String company = this.directory.newCompany();
		String ownRole = "Role-of-" + company;
		this.directory.asAdmin("create", "role",
				Map.of("values", Map.of("name", ownRole, "company", company, "perms", Map.of("cdr.read", "company"))));
		String login = Directory.unique("picked");
		String password = "picked-" + login + "-pw";
		Secrets.add(Secrets.Kind.PASSWORD, password);
		signInAsAdmin();
		open("/admin/users/new");
		assertThat(findAll("#role option[value='" + ownRole + "']")).isEmpty();

		type("login", login);
		type("password", password);
		new Select(find("#company")).selectByValue(company);
		find("#role option[value='" + ownRole + "']");
		new Select(find("#role")).selectByValue(ownRole);
		assertThat(find("#login").getDomProperty("value")).isEqualTo(login);
		press("#create-user");

		assertThat(text(".notice")).isEqualTo("The user was created.");
		assertThat(text("#user-company")).isEqualTo(company);
		assertThat(new Select(find("#role")).getFirstSelectedOption().getText()).isEqualTo(ownRole);
	}

	@Test
	void whenCreateIsWrongThenEachErrorIsNextToItsFieldAndWhatWasTypedStays() {
		signInAsAdmin();
		open("/admin/users/new");

		type("login", "not a login!");
		type("name", "Kept Name");
		type("password", "short");
		press("#create-user");

		assertThat(text("#login-error")).startsWith("Must match");
		assertThat(text("#password-error")).contains("between 12 and 128");
		assertThat(find("#name").getDomProperty("value")).isEqualTo("Kept Name");
		assertThat(find("#login").getDomProperty("value")).isEqualTo("not a login!");
		assertThat(find("#password").getDomProperty("value")).isEmpty();
		assertThat(find("#login").getDomAttribute("aria-invalid")).isEqualTo("true");
	}

	@Test
	void whenLoginIsTakenThenTheServiceSaysSoNextToTheLogin() {
		TestUser existing = this.directory.newUser(this.directory.newCompany(), "User");
		signInAsAdmin();
		open("/admin/users/new");

		type("login", existing.login());
		type("password", "a-perfectly-fine-password");
		press("#create-user");

		assertThat(text("#login-error")).isEqualTo("A user with that login already exists");
	}

	@Test
	void whenEditScreenSavesThenTheChangeIsThereAndBadInputStaysOnTheForm() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		signInAsAdmin();
		open("/admin/users/" + user.id());

		type("name", "Renamed In Console");
		find("#enabled").click();
		press("#save-user");

		assertThat(text(".notice")).isEqualTo("The changes were saved.");
		assertThat(find("#name").getDomProperty("value")).isEqualTo("Renamed In Console");
		assertThat(find("#enabled").isSelected()).isFalse();
		assertFailure(this.api.post("/rest/auth/", Map.of("auth", user.auth())), 401, "auth.failed");

		type("name", "x".repeat(241));
		press("#save-user");
		assertThat(text("#name-error")).contains("between 1 and 240");
		assertThat(find("#name").getDomProperty("value")).isEqualTo("x".repeat(241));
	}

	@Test
	void whenPasswordIsResetThenTheNewOneWorksAndTheOldSessionsEnd() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		String session = this.directory.login(user);
		String fresh = "reset-by-console-" + user.login();
		Secrets.add(Secrets.Kind.PASSWORD, fresh);
		signInAsAdmin();
		open("/admin/users/" + user.id());

		type("password", fresh);
		press("#reset-password");

		assertThat(text(".notice")).startsWith("The password was reset");
		assertFailure(this.api.postWithCookie("/rest/auth/", Map.of(), session), 401, "auth.failed");
		assertThat(this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login(),
				"password", fresh))).status()).isEqualTo(200);
	}

	@Test
	void whenCompanyAdminSearchesThenOnlyItsOwnCompanysUsersMatch() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		TestUser colleague = this.directory.newUser(company, "User");
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");
		signIn(companyAdmin);

		type("q", "user_");
		press("#search");

		assertThat(text("#users")).contains(colleague.login()).contains(companyAdmin.login())
			.doesNotContain(stranger.login());
		assertThat(findAll("#company")).isEmpty();
	}

	@Test
	void whenCompanyAdminEditsTheUrlToAnotherCompanysUserThenThereIsNoSuchUser() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		TestUser stranger = this.directory.newUser(this.directory.newCompany(), "User");
		signIn(companyAdmin);

		open("/admin/users/" + stranger.id());

		assertThat(text("h1")).isEqualTo("404 Not Found");
		assertThat(text(".error-message")).isEqualTo("There is no such user");
		assertThat(this.browser.getPageSource()).doesNotContain(stranger.login());
		open("/admin/users/" + stranger.id() + "/tokens/1/revoke");
		assertThat(text("h1")).isEqualTo("404 Not Found");
		open("/admin/users?company=" + stranger.company());
		assertThat(text("h1")).isEqualTo("403 Forbidden");
	}

	@Test
	void whenSystemAdminFiltersByCompanyThenOnlyThatCompanysUsersShow() {
		String company = this.directory.newCompany();
		TestUser member = this.directory.newUser(company, "User");
		signInAsAdmin();

		new Select(find("#company")).selectByValue(company);
		press("#search");

		assertThat(findAll("#users tbody tr")).hasSize(1);
		assertThat(text("#users")).contains(member.login());
	}

	@Test
	void whenPhoneWidthThenTheEditScreenFitsWithoutSidewaysScrolling() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");
		this.directory.newKey(user.id());
		this.directory.login(user);
		this.browser.manage().window().setSize(new Dimension(390, 844));
		signInAsAdmin();

		open("/admin/users/" + user.id());

		Number scrollWidth = (Number) this.browser.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) this.browser.executeScript("return window.innerWidth");
		assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
		assertThat(find("#add-token").isDisplayed()).isTrue();
	}
}
