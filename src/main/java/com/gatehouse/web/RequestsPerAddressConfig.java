package com.gatehouse.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * Bounds the requests one client address may have in progress at once
 * ({@code gatehouse.web.max-requests-per-address}). Tomcat reads a request body on one of its
 * workers, blocking; a client that announces a body and sends it a byte at a time holds a worker
 * per connection, and a few hundred such connections from one address would hold all of them, so
 * health checks and logins of everybody else wait (issue 12). Over the bound, a request is answered
 * 429 at once, before its body is read. Any answer given before its body was read closes the
 * connection instead of waiting for the rest of the body. The address is the one Tomcat resolved
 * through the trusted proxies.
 */
@Configuration(proxyBeanMethods = false)
class RequestsPerAddressConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final WebProperties properties;

	private final FailureRenderer renderer;

	RequestsPerAddressConfig(WebProperties properties, FailureRenderer renderer) {
		this.properties = properties;
		this.renderer = renderer;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new RequestsPerAddressValve(this.properties.maxRequestsPerAddress(), this.renderer));
	}

	static final class RequestsPerAddressValve extends ValveBase {

		private static final Logger log = LoggerFactory.getLogger(RequestsPerAddressValve.class);

		private final int limit;

		private final FailureRenderer renderer;

		private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

		RequestsPerAddressValve(int limit, FailureRenderer renderer) {
			super(true);
			this.limit = limit;
			this.renderer = renderer;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String address = request.getRemoteAddr();
			AtomicInteger count = this.inProgress.computeIfAbsent(address, (key) -> new AtomicInteger());
			try {
				int now = count.incrementAndGet();
				if (now > this.limit) {
					refuse(request, response, address, now);
					return;
				}
				getNext().invoke(request, response);
				closeInsteadOfReadingTheRest(request, response);
			}
			finally {
				// Drops the entry once idle, so the map holds only addresses with requests in progress.
				this.inProgress.computeIfPresent(address, (key, value) -> (value.decrementAndGet() == 0) ? null : value);
			}
		}

		private void refuse(Request request, Response response, String address, int now) throws IOException {
			// Once per burst: a line per refusal would make the flood a flood of log writes too.
			if (now == this.limit + 1) {
				log.info("requests refused: too many in progress from one address ip={} limit={}", address, this.limit);
			}
			this.renderer.render(response, RestFailure.throttled(Duration.ofSeconds(1)));
			closeInsteadOfReadingTheRest(request, response);
		}

		/**
		 * An answer given before the body was read (413, 429, an early 4xx) ends the connection rather
		 * than reading and dropping the rest of the body, which Tomcat would otherwise do on this worker,
		 * waiting as long as the client takes to send it. Tomcat's own signal for an aborted upload: it
		 * marks the connection to be closed once the answer is out, so no unread byte is ever taken for a
		 * next request.
		 */
		private static void closeInsteadOfReadingTheRest(Request request, Response response) throws IOException {
			if (!request.getCoyoteRequest().isFinished()) {
				if (!response.isCommitted()) {
					// Says so, or a keep-alive client would send its next request into the closed
					// connection; and sends it now, before the exchange is marked failed below.
					response.setHeader("Connection", "close");
					response.flushBuffer();
				}
				boolean errorPending = response.isErrorReportRequired();
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
				if (!errorPending) {
					// The action marks the exchange as failed; the answer is already written, so no error page.
					response.setErrorReported();
				}
			}
		}
	}
}
