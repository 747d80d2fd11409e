package com.gatehouse.console;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CredentialCheck;
import com.gatehouse.session.SessionCookies;
import com.gatehouse.session.SessionlessSecurity;
import com.gatehouse.web.BrowserOrigins;

/**
 * The security filter chain of {@code /admin/}. A page is authenticated by the {@code Red60urne}
 * cookie through the same session provider as a REST call ({@link ConsoleSessionFilter}); without
 * a live session every page but sign-in redirects there. Nothing here ever creates a session: the
 * security context lives in the request, there is no saved request, and the CSRF token is derived
 * from the session, or for the anonymous sign-in form a double-submit cookie
 * ({@link SessionBoundCsrfTokens}), rather than a session attribute, so an anonymous page view
 * stores nothing and only a sign-in opens a session (docs/security.md, "Admin console").
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

	static final String SIGN_IN_PAGE = "/admin/";

	static final String DENIED_PAGE = "/admin/denied";

	static final String ICON = "/admin/favicon.svg";

	@Bean
	SessionBoundCsrfTokens consoleCsrfTokens() {
		return new SessionBoundCsrfTokens();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleChain(HttpSecurity http, SessionBoundCsrfTokens csrfTokens, CredentialCheck check,
			AuthOutcomes outcomes, SessionCookies cookies, BrowserOrigins origins) {
		XorCsrfTokenRequestAttributeHandler tokenHandler = new XorCsrfTokenRequestAttributeHandler();
		// Load the token on every page, not when a form first asks for it: by then Thymeleaf may
		// have sent the headers, and the cookie with them.
		tokenHandler.setCsrfRequestAttributeName(null);
		AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
		denied.setErrorPage(DENIED_PAGE);
		// Sign-in and sign-out are console pages (SignInController) on the REST login's path.
		return SessionlessSecurity.apply(http.securityMatcher("/admin", "/admin/**"))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(tokenHandler))
			.addFilterBefore(new ConsoleOriginFilter(origins, denied), CsrfFilter.class)
			// Before the token check: a signed-in page's token is bound to its verified session.
			.addFilterBefore(new ConsoleSessionFilter(check, outcomes, cookies), CsrfFilter.class)
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/admin", SIGN_IN_PAGE, "/admin/sign-in", "/admin/console.css", "/admin/console.js",
						ICON, DENIED_PAGE)
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, failure) -> response
					.sendRedirect(request.getContextPath() + SIGN_IN_PAGE))
				.accessDeniedHandler(denied))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none';"
							+ " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")))
			.build();
	}
}
