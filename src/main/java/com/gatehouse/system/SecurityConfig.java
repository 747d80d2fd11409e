package com.gatehouse.system;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.CallAuthenticationFilter;
import com.gatehouse.auth.credentials.CredentialsConverter;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestEnvelopeFilter;
import com.gatehouse.rest.RestFailure;

/**
 * The security filter chains. For /rest/: read the envelope, then {@link CallAuthenticationFilter}
 * authenticates the one call with our converter and providers; the security context is never
 * stored (only {@code /rest/auth/} touches a session, itself). What a caller may do is decided per
 * type by the access policy, so every /rest/ path is let through here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain restChain(HttpSecurity http, RestEnvelopeFilter envelope, CredentialsConverter credentials,
			List<AuthenticationProvider> providers, AuthOutcomes outcomes, FailureRenderer renderer) {
		CallAuthenticationFilter authentication = new CallAuthenticationFilter(credentials,
				new ProviderManager(providers), outcomes);
		return http.securityMatcher("/rest/**")
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// Spring Security never touches the session: its session filter would look the cookie up
			// a second time per call. Only /rest/auth/ opens sessions (see SessionLogin).
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterAfter(envelope, HeaderWriterFilter.class)
			.addFilterAfter(authentication, RestEnvelopeFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, failure) -> renderer
				.render(response, RestFailure.unauthorized("auth.required", "Authentication required"))))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain everythingElse(HttpSecurity http) {
		return http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
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
