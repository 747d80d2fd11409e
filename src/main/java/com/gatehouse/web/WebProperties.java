package com.gatehouse.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser-facing settings.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}) other than the service's own whose
 * pages may use the session cookie and log in, and that CORS answers with credentials allowed.
 * Empty by default: only the service's own pages. {@code *} is refused at startup.
 */
@ConfigurationProperties("gatehouse.web")
public record WebProperties(List<String> allowedOrigins) {

	public WebProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}
}
