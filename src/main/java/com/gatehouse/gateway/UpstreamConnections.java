package com.gatehouse.gateway;

import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The connections to upstreams: Apache HttpClient 5 with a pool of kept-alive connections,
 * {@code maxConnections} per upstream (the JDK's {@code HttpURLConnection} keeps only 5 idle ones
 * per host, so under more concurrent calls it opened a new connection for most of them). The read
 * timeout is per read (the socket timeout), so that it bounds an upstream's silence and not the
 * length of a 50 MB download. The client only carries calls: it follows no redirect (they are the
 * client's to see), keeps no cookie (an upstream's cookie is one caller's, never the next one's),
 * does not decompress (the answer passes through as it came) and retries nothing (a POST must not
 * reach an upstream twice, nor an answer such as 503 be replaced). Closed with the context.
 */
final class UpstreamConnections extends HttpComponentsClientHttpRequestFactory {

	/** How long a pooled connection may have been idle before it is checked before reuse. */
	private static final long VALIDATE_AFTER_MILLIS = 1000;

	UpstreamConnections(GatewayProperties properties) {
		super(HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnPerRoute(properties.maxConnections())
				.setMaxConnTotal(Integer.MAX_VALUE)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(properties.connectTimeout()))
					.setSocketTimeout(Timeout.of(properties.readTimeout()))
					.setValidateAfterInactivity(VALIDATE_AFTER_MILLIS, TimeUnit.MILLISECONDS)
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				// A pool that stays full for as long as a connection may take to make: 502, as for one not made.
				.setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
				.setResponseTimeout(Timeout.of(properties.readTimeout()))
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAutomaticRetries()
			.disableAuthCaching()
			.build());
	}
}
