package com.gatehouse.gateway;

import java.io.IOException;
import java.net.HttpURLConnection;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The connections to upstreams: the JDK's {@code HttpURLConnection} (kept alive and reused by the
 * JDK), whose read timeout is per read, so that it bounds an upstream's silence and not the length
 * of a 50 MB download (the JDK {@code HttpClient} factory's read timeout cuts off the whole
 * exchange, body included). Redirects are never followed: they are the client's to see.
 */
final class UpstreamConnections extends SimpleClientHttpRequestFactory {

	UpstreamConnections(GatewayProperties properties) {
		setConnectTimeout(properties.connectTimeout());
		setReadTimeout(properties.readTimeout());
	}

	@Override
	protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
		super.prepareConnection(connection, httpMethod);
		connection.setInstanceFollowRedirects(false);
	}
}
