package com.gatehouse.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.auth.PasswordSignIn;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * Sign in at {@code /admin/} and sign out. Signing in is {@link PasswordSignIn}, the very path of a
 * REST password login: the same generic message when refused, the same brute-force counts, and the
 * same {@code Red60urne} session when accepted. Signing out ends that session.
 */
@Controller
final class SignInController {

	private final PasswordSignIn signIns;

	private final CsrfTokenRepository csrfTokens;

	private final AccessPolicy policy;

	SignInController(PasswordSignIn signIns, CsrfTokenRepository csrfTokens, AccessPolicy policy) {
		this.signIns = signIns;
		this.csrfTokens = csrfTokens;
		this.policy = policy;
	}

	@GetMapping("/admin")
	String root() {
		return "redirect:" + ConsoleSecurity.SIGN_IN_PAGE;
	}

	@GetMapping(ConsoleSecurity.SIGN_IN_PAGE)
	ModelAndView form(@RequestParam(name = "signed-out", required = false) @Nullable String signedOut) {
		ConsoleUser me = ConsoleUser.current(this.policy);
		if (me != null) {
			return new ModelAndView("redirect:" + home(me));
		}
		return signInPage("", new FormErrors(), HttpStatus.OK).addObject("notice",
				(signedOut != null) ? "You are signed out." : null);
	}

	@PostMapping("/admin/sign-in")
	ModelAndView signIn(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response) {
		FormErrors errors = new FormErrors();
		if (login.isBlank()) {
			errors.field("login", "Enter your login");
		}
		if (password.isEmpty()) {
			errors.field("password", "Enter your password");
		}
		if (!errors.isEmpty()) {
			return signInPage(login, errors, HttpStatus.BAD_REQUEST);
		}
		Caller caller;
		try {
			caller = this.signIns.signIn(request, response, login, password);
		}
		catch (RestFailure refused) {
			return signInPage(login, new FormErrors().general(refused.getMessage()), refused.status());
		}
		// A new token for the signed-in browser: one from before the sign-in is not reused after it.
		this.csrfTokens.saveToken(null, request, response);
		return new ModelAndView("redirect:" + home(ConsoleUser.of(caller, this.policy)));
	}

	@PostMapping("/admin/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		this.signIns.signOut(request, Caller.current());
		this.csrfTokens.saveToken(null, request, response);
		return "redirect:" + ConsoleSecurity.SIGN_IN_PAGE + "?signed-out";
	}

	/** Where a signed-in user starts: the user list for an admin, else its own account. */
	private static String home(ConsoleUser me) {
		return me.admin() ? "/admin/users" : "/admin/account";
	}

	private static ModelAndView signInPage(String login, FormErrors errors, HttpStatus status) {
		ModelAndView page = new ModelAndView("console/sign-in");
		page.addObject("login", login);
		page.addObject("errors", errors);
		page.setStatus(status);
		return page;
	}
}
