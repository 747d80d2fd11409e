package com.gatehouse.authkey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The leak report's own filter chain, ahead of the /rest/ chain: it authenticates nobody, so
 * credentials sent along (even bad ones, even the leaked key in the header) are ignored rather than
 * refused, and it touches no session. Spring Security's default headers still apply.
 */
@Configuration(proxyBeanMethods = false)
class LeakReportSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain leakReportChain(HttpSecurity http) {
		return http.securityMatcher(LeakReportController.PATH, LeakReportController.PATH + "/")
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}
}
