package com.gatehouse.gateway;

import java.net.URI;

/** What an upstream base URL may be: the proxy keeps the call's own path, so only scheme, host and port. */
final class Upstreams {

	private Upstreams() {
	}

	/** {@code upstream}, or an IllegalArgumentException that names {@code where} it was set. */
	static URI check(URI upstream, String where) {
		boolean web = "http".equals(upstream.getScheme()) || "https".equals(upstream.getScheme());
		boolean bare = upstream.getRawPath() == null || upstream.getRawPath().isEmpty() || "/".equals(upstream.getRawPath());
		if (!web || upstream.getHost() == null || !bare || upstream.getRawQuery() != null
				|| upstream.getRawUserInfo() != null) {
			throw new IllegalArgumentException(where + " must be http(s)://host[:port] without path, query or user info");
		}
		return upstream;
	}
}
