package com.gatehouse.console;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the console in a real browser, and sharing its session with REST clients. */
class SignInBrowserTests extends BrowserTest {

	@Test
	void whenAdminSignsInThenUsersPageAndTheSameSessionWorksForRest() {
		signIn(Directory.ADMIN_LOGIN, Directory.ADMIN_PASSWORD);

		assertThat(path()).isEqualTo("/admin/users");
		assertThat(text("header .who")).contains("admin");
		String cookie = sessionCookie();
		Api.Reply whoAmI = this.api.postWithCookie("/rest/auth/", Map.of(), cookie);
		assertThat(whoAmI.status()).isEqualTo(200);
		assertThat(whoAmI.json().path("user").path("login").asString()).isEqualTo("admin");
	}

	@Test
	void whenPasswordIsWrongThenGenericMessageAndLoginIsKeptButNotPassword() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "Company-Admin");
		signIn(user.login(), "not-the-password-at-all");

		assertThat(path()).isEqualTo("/admin/sign-in");
		assertThat(text(".form-errors")).isEqualTo("Authentication failed");
		assertThat(find("#login").getDomProperty("value")).isEqualTo(user.login());
		assertThat(find("#password").getDomProperty("value")).isEmpty();
		assertThat(sessionCookie()).isNull();
	}

	@Test
	void whenFieldsAreEmptyThenEachSaysSoNextToIt() {
		open("/admin/");
		// The inputs are `required`; a browser would not send the form, so send it as a script-less client would.
		this.browser.executeScript("document.getElementById('sign-in-form').noValidate = true");
		press("#sign-in");

		assertThat(text("#login-error")).isEqualTo("Enter your login");
		assertThat(text("#password-error")).isEqualTo("Enter your password");
		assertThat(find("#login").getDomAttribute("aria-describedby")).isEqualTo("login-error");
	}

	@Test
	void whenSignedOutThenTheSessionCookieFailsEverywhere() {
		signIn(Directory.ADMIN_LOGIN, Directory.ADMIN_PASSWORD);
		String cookie = sessionCookie();

		press("#sign-out");

		assertThat(path()).isEqualTo("/admin/");
		assertThat(text(".notice")).isEqualTo("You are signed out.");
		assertThat(this.api.postWithCookie("/rest/auth/", Map.of(), cookie).status()).isEqualTo(401);
		open("/admin/users");
		assertThat(path()).isEqualTo("/admin/");
	}

	@Test
	void whenRestLoginMadeTheSessionThenTheConsoleAcceptsIt() {
		String company = this.directory.newCompany();
		TestUser companyAdmin = this.directory.newUser(company, "Company-Admin");
		String cookie = this.directory.login(companyAdmin);

		open("/admin/");
		this.browser.manage().addCookie(new Cookie(Api.COOKIE, cookie, "/"));
		open("/admin/users");

		assertThat(path()).isEqualTo("/admin/users");
		assertThat(text("header .who")).contains(companyAdmin.login());
	}

	@Test
	void whenNotSignedInThenEveryPageRedirectsToSignIn() {
		open("/admin/users");

		assertThat(path()).isEqualTo("/admin/");
		assertThat(sessionCookie()).isNull();
	}

	@Test
	void whenPhoneWidthThenSignInFitsWithoutSidewaysScrolling() {
		this.browser.manage().window().setSize(new Dimension(390, 844));
		signInAsAdmin();

		Number scrollWidth = (Number) this.browser.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) this.browser.executeScript("return window.innerWidth");
		assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
		assertThat(find("#sign-out").isDisplayed()).isTrue();
	}
}
