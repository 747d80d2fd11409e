package com.gatehouse.session;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * What every security filter chain of ours shares: Spring Security neither makes nor reads an HTTP
 * session (the security context lives in the request, no saved request, and no
 * {@code SessionManagementFilter}, which would look every cookie up once more and log an unknown
 * one's value at DEBUG), and none of its own login, HTTP Basic or logout endpoints exist. Only a
 * login opens a session, and only through {@link SessionLogin}.
 */
public final class SessionlessSecurity {

	private SessionlessSecurity() {
	}

	public static HttpSecurity apply(HttpSecurity http) {
		return http.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
	}
}
