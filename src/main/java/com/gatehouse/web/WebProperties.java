package com.gatehouse.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser-facing settings.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}) other than the service's own whose
 * pages may use the session cookie and log in, and that CORS answers with credentials allowed.
 * Empty by default: only the service's own pages. {@code *} is refused at startup.
 * @param allowedHosts the host names (without port) clients may address the service by, as the
 * {@code Host} header (or {@code X-Forwarded-Host} from a trusted proxy) says; any other is
 * refused with 400 before a credential is read. Empty by default: any host is accepted.
 * @param maxRequestsPerAddress requests one client address may have in progress at once; more are
 * answered 429 before their body is read. Liveness probes without a body are not counted. Default 32.
 */
@ConfigurationProperties("gatehouse.web")
public record WebProperties(List<String> allowedOrigins, List<String> allowedHosts,
		int maxRequestsPerAddress) {

	public WebProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		if (maxRequestsPerAddress <= 0) {
			maxRequestsPerAddress = 32;
		}
	}
}
