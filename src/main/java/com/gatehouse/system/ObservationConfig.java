package com.gatehouse.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observations of Spring Security's internals. By default every request runs each
 * security filter, the authorization decision and the authentication inside an observation of its
 * own (a timer and a long-task timer each), which profiling showed to be the largest single cost of
 * an authenticated call (docs/performance.md). What an operator needs is measured anyway:
 * {@code http.server.requests} per request, and Gatehouse's own login, key and denial counters.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfig {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}
}
