package com.gatehouse.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import com.gatehouse.auth.AuthOutcomes;
import com.gatehouse.auth.credentials.CredentialsConverter;
import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestEnvelopeFilter;
import com.gatehouse.rest.RestFailure;

/**
 * The security filter chains. For /rest/: read the envelope, then Spring Security's
 * {@link AuthenticationFilter} with our converter and providers authenticates the one call; the
 * security context is never stored (only {@code /rest/auth/} touches a session, itself). What a
 * caller may do is decided per type by the access policy, so every /rest/ path is let through here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain restChain(HttpSecurity http, RestEnvelopeFilter envelope, CredentialsConverter credentials,
			List<AuthenticationProvider> providers, AuthOutcomes outcomes, FailureRenderer renderer) {
		AuthenticationFilter authentication = new AuthenticationFilter(new ProviderManager(providers), credentials);
		authentication.setSuccessHandler(outcomes);
		authentication.setFailureHandler(outcomes);
		authentication.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
		return http.securityMatcher("/rest/**")
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(envelope, ExceptionTranslationFilter.class)
			.addFilterAfter(new KeepingSessionId(authentication), RestEnvelopeFilter.class)
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
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	/**
	 * Runs {@link AuthenticationFilter} without its session-fixation step: it calls
	 * {@code changeSessionId()} whenever the request has a session, which behind Spring Session
	 * would rotate the cookie on every cookie-authenticated call (and answer a stale
	 * {@code user.session}). rest-api.md §3: only a login changes a session, and
	 * {@link com.gatehouse.session.SessionLogin} rotates it there itself; the rest of the chain
	 * gets the original request.
	 */
	static final class KeepingSessionId extends OncePerRequestFilter {

		private final AuthenticationFilter authentication;

		KeepingSessionId(AuthenticationFilter authentication) {
			this.authentication = authentication;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpServletRequest keepingId = new HttpServletRequestWrapper(request) {
				@Override
				public String changeSessionId() {
					HttpSession session = getSession(false);
					return (session != null) ? session.getId() : super.changeSessionId();
				}
			};
			this.authentication.doFilter(keepingId, response, (ignored, sameResponse) -> chain.doFilter(request, sameResponse));
		}
	}

	/** The envelope filter runs inside the /rest/ chain only, not as a filter of every request. */
	@Bean
	FilterRegistrationBean<RestEnvelopeFilter> envelopeOnlyInRestChain(RestEnvelopeFilter envelope) {
		FilterRegistrationBean<RestEnvelopeFilter> registration = new FilterRegistrationBean<>(envelope);
		registration.setEnabled(false);
		return registration;
	}
}
