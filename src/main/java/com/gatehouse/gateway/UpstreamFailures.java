package com.gatehouse.gateway;

import java.net.SocketTimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.ResourceAccessException;

import com.gatehouse.rest.RestFailure;

/**
 * What a failed exchange with an upstream answers (issue 11): 504 {@code upstream.timeout} when
 * its answer did not begin in time, 502 {@code upstream.unavailable} when it could not be reached
 * (a connection refused or not made in time, or no pooled one free in time) or broke off. Null for a failure that is not an
 * exchange's I/O.
 */
final class UpstreamFailures {

	private UpstreamFailures() {
	}

	static @Nullable RestFailure of(RuntimeException failure) {
		if (!(failure instanceof ResourceAccessException)) {
			return null;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException timeout) {
				return (timeout instanceof ConnectTimeoutException) ? RestFailure.upstreamUnavailable()
						: RestFailure.upstreamTimeout();
			}
		}
		return RestFailure.upstreamUnavailable();
	}
}
