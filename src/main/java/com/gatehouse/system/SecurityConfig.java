package com.gatehouse.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CallAuthenticationFilter;
import com.gatehouse.auth.CredentialCheck;
import com.gatehouse.auth.credentials.CredentialsConverter;
import com.gatehouse.gateway.GatewayPaths;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestEnvelopeFilter;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.session.SessionlessSecurity;
import com.gatehouse.web.BrowserOrigins;
import com.gatehouse.web.CrossOriginFilter;

/**
 * The security filter chains. For /rest/: CORS ({@link CrossOriginFilter}), read the envelope,
 * then {@link CallAuthenticationFilter} authenticates the one call with our converter and
 * providers; the security context is never stored (only {@code /rest/auth/} touches a session,
 * itself). What a caller may do is decided per type by the access policy, so every /rest/ path
 * is let through here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain restChain(HttpSecurity http, RestEnvelopeFilter envelope, CredentialsConverter credentials,
			CredentialCheck check, AuthOutcomes outcomes, FailureRenderer renderer, BrowserOrigins origins,
			GatewayPaths gatewayPaths) {
		CallAuthenticationFilter authentication = new CallAuthenticationFilter(credentials, check, outcomes, origins);
		// Spring Security neither makes nor reads a session; only /rest/auth/ opens sessions (SessionLogin).
		// The gateway's path rules (issue 11) put paths outside /rest/ behind the same credentials.
		RequestMatcher calls = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/rest/**"), gatewayPaths);
		return SessionlessSecurity.apply(http.securityMatcher(calls))
			.csrf(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			// CORS first, so that every answer an allowed origin gets, failures included, carries its headers.
			.addFilterAfter(new CrossOriginFilter(origins, renderer), HeaderWriterFilter.class)
			.addFilterAfter(envelope, CrossOriginFilter.class)
			.addFilterAfter(authentication, RestEnvelopeFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, failure) -> renderer
				.render(response, RestFailure.unauthorized("auth.required", "Authentication required"))))
			.build();
	}

	/** After the console's chain (ConsoleSecurity, order 2), which owns /admin/. */
	@Bean
	@Order(3)
	SecurityFilterChain everythingElse(HttpSecurity http) {
		// No Spring Security /logout either: it would end the cookie's session on any method (CSRF is
		// off here) and redirect to an HTML login page. Only /rest/auth/logout and the console sign out.
		return SessionlessSecurity.apply(http)
			.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	/** The envelope filter runs inside the /rest/ chain only, not as a filter of every request. */
	@Bean
	FilterRegistrationBean<RestEnvelopeFilter> envelopeOnlyInRestChain(RestEnvelopeFilter envelope) {
		FilterRegistrationBean<RestEnvelopeFilter> registration = new FilterRegistrationBean<>(envelope);
		registration.setEnabled(false);
		return registration;
	}
}
