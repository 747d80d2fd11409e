package com.gatehouse.gateway;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import com.gatehouse.credential.SessionCookieToken;

/**
 * The request as it goes upstream: what the client sent, with every credential removed (the
 * {@code Authorization} header, the session cookie, the body's {@code auth}, rest-api.md §3), every
 * {@code X-Gatehouse-*} and {@code X-Forwarded-*}/{@code Forwarded} header a client sent dropped
 * (the proxy writes its own), and the caller's identity headers added. The body is the one the
 * envelope filter read, without {@code auth}.
 */
final class ForwardedRequest extends HttpServletRequestWrapper {

	private static final Set<String> DROPPED = Set.of("authorization", "forwarded", "content-length");

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private final byte[] body;

	ForwardedRequest(HttpServletRequest request, byte[] body, Map<String, String> identity) {
		super(request);
		this.body = body;
		for (String name : Collections.list(request.getHeaderNames())) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (DROPPED.contains(lower) || lower.startsWith("x-forwarded-") || Identity.isOurs(lower)) {
				continue;
			}
			List<String> values = Collections.list(request.getHeaders(name));
			if (lower.equals("cookie")) {
				values = withoutSessionCookie(values);
			}
			if (!values.isEmpty()) {
				this.headers.put(lower, values);
			}
		}
		if (body.length > 0) {
			this.headers.put("content-length", List.of(Integer.toString(body.length)));
		}
		identity.forEach((name, value) -> this.headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
	}

	private static List<String> withoutSessionCookie(List<String> headers) {
		List<String> kept = new ArrayList<>();
		for (String header : headers) {
			String rest = List.of(header.split(";"))
				.stream()
				.map(String::trim)
				.filter((cookie) -> !cookie.isEmpty() && !cookie.startsWith(SessionCookieToken.COOKIE_NAME + "="))
				.collect(Collectors.joining("; "));
			if (!rest.isEmpty()) {
				kept.add(rest);
			}
		}
		return kept;
	}

	@Override
	public @Nullable String getHeader(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null) ? values.get(0) : null;
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return Collections.enumeration(this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(this.headers.keySet());
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

	@Override
	public ServletInputStream getInputStream() {
		return new BodyStream(new ByteArrayInputStream(this.body));
	}

	/** The stripped body as a servlet stream; {@code isFinished} tells the proxy whether there is one to send. */
	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		BodyStream(ByteArrayInputStream bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("blocking reads only");
		}
	}

}
