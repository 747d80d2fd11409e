package com.gatehouse.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CallAuthenticationFilter;
import com.gatehouse.auth.CredentialCheck;
import com.gatehouse.auth.credentials.CredentialsConverter;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestEnvelopeFilter;
import com.gatehouse.rest.RestFailure;
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
			CredentialCheck check, AuthOutcomes outcomes, FailureRenderer renderer, BrowserOrigins origins) {
		CallAuthenticationFilter authentication = new CallAuthenticationFilter(credentials, check, outcomes, origins);
		return http.securityMatcher("/rest/**")
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			// Spring Security neither makes nor reads a session: a NullRequestCache, and no
			// SessionManagementFilter (which would look every cookie up once more and log an unknown
			// one's value at DEBUG). Only /rest/auth/ opens sessions (see SessionLogin).
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
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
		return http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			// Only /rest/auth/logout ends a session: Spring Security's own /logout (any method, as
			// CSRF is off) would end the cookie's session and redirect to an HTML login page.
			.logout(AbstractHttpConfigurer::disable)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
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
