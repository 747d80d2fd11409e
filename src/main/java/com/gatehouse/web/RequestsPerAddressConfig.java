package com.gatehouse.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * Bounds the requests one client address may have in progress at once
 * ({@code gatehouse.web.max-requests-per-address}). Tomcat reads a request body on one of its
 * workers, blocking; a client that announces a body and sends it a byte at a time holds a worker
 * per connection, and a few hundred such connections from one address would hold all of them, so
 * health checks and logins of everybody else wait (issue 12). Over the bound, a request is answered
 * 429 at once, before its body is read, and the connection closes. Any other answer given before
 * its body was read reads the rest, if short and not throttled, under the same bound, or closes the
 * connection instead of waiting for it. The address is the one Tomcat resolved through the trusted proxies.
 *
 * A liveness probe without a body is not counted. An orchestrator restarts an instance whose
 * liveness probe fails, and its probes can share an address with clients (a node's own address,
 * which traffic NATed through the node carries too): a 429 there would restart a busy instance. Such
 * a probe reads no body and waits on nothing, so it cannot hold a worker. Readiness is still
 * counted: it waits on the store.
 */
@Configuration(proxyBeanMethods = false)
class RequestsPerAddressConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** Spring Boot's name of the liveness health group, and its path under the health endpoint. */
	private static final String LIVENESS = "liveness";

	private final WebProperties properties;

	private final FailureRenderer renderer;

	private final Set<String> livenessPaths;

	RequestsPerAddressConfig(WebProperties properties, FailureRenderer renderer, PathMappedEndpoints actuator,
			HealthEndpointGroups healthGroups) {
		this.properties = properties;
		this.renderer = renderer;
		this.livenessPaths = livenessPaths(actuator, healthGroups);
	}

	/**
	 * Where the liveness group answers on this server, as Spring Boot maps it: under the health
	 * endpoint's path, and at its additional path ({@code /livez}) when that is on the main server.
	 */
	private static Set<String> livenessPaths(PathMappedEndpoints actuator, HealthEndpointGroups healthGroups) {
		Set<String> paths = new HashSet<>();
		String health = actuator.getPath(HealthEndpoint.ID);
		if (health != null) {
			paths.add(health + "/" + LIVENESS);
		}
		HealthEndpointGroup liveness = healthGroups.get(LIVENESS);
		AdditionalHealthEndpointPath additional = (liveness != null) ? liveness.getAdditionalPath() : null;
		if (additional != null && additional.hasNamespace(WebServerNamespace.SERVER)) {
			paths.add(additional.getValue());
		}
		return Set.copyOf(paths);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(
				new RequestsPerAddressValve(this.properties.maxRequestsPerAddress(), this.renderer, this.livenessPaths));
	}

	static final class RequestsPerAddressValve extends ValveBase {

		private static final Logger log = LoggerFactory.getLogger(RequestsPerAddressValve.class);

		/** As much of an unread body as is read to end a connection cleanly: Tomcat's own default for an aborted upload. */
		private static final long MAX_DRAINED_BYTES = 2 * 1024 * 1024;

		private final int limit;

		private final FailureRenderer renderer;

		private final Set<String> livenessPaths;

		private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

		RequestsPerAddressValve(int limit, FailureRenderer renderer, Set<String> livenessPaths) {
			super(true);
			this.limit = limit;
			this.renderer = renderer;
			this.livenessPaths = livenessPaths;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (isBodilessLivenessProbe(request)) {
				getNext().invoke(request, response);
				return;
			}
			String address = request.getRemoteAddr();
			AtomicInteger count = this.inProgress.computeIfAbsent(address, (key) -> new AtomicInteger());
			try {
				int now = count.incrementAndGet();
				if (now > this.limit) {
					refuse(request, response, address, now);
					return;
				}
				getNext().invoke(request, response);
				readOrCloseTheRest(request, response);
			}
			finally {
				// Drops the entry once idle, so the map holds only addresses with requests in progress.
				this.inProgress.computeIfPresent(address, (key, value) -> (value.decrementAndGet() == 0) ? null : value);
			}
		}

		private boolean isBodilessLivenessProbe(Request request) {
			String method = request.getMethod();
			// The decoded URI is normalized and without path parameters: "/livez;x" or "/a/../livez" is "/livez".
			return ("GET".equals(method) || "HEAD".equals(method)) && request.getContentLengthLong() <= 0
					&& request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
					&& this.livenessPaths.contains(request.getDecodedRequestURI().substring(request.getContextPath().length()));
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
		 * After an answer given before the body was read (413, an early 4xx), a short remainder is read
		 * and dropped here, while this address's count still holds the worker, and the connection stays
		 * usable. Closing a socket with unread bytes makes the kernel reset it, and a client still
		 * sending its body sees the reset rather than the answer. Not waited for, the connection closed
		 * instead (and Tomcat does not read the rest on its own either): the rest of a client told to
		 * come back later ({@code Retry-After}: throttled, locked out), whose bytes are what is being
		 * refused; a remainder that is long, or of unknown length past {@link #MAX_DRAINED_BYTES}; and
		 * one the client may not send at all ({@code Expect: 100-continue}).
		 */
		private static void readOrCloseTheRest(Request request, Response response) throws IOException {
			if (request.getCoyoteRequest().isFinished()) {
				return;
			}
			if (!mayAwaitTheRest(request, response) || !drained(request)) {
				closeInsteadOfReadingTheRest(request, response);
			}
		}

		private static boolean mayAwaitTheRest(Request request, Response response) {
			long announced = request.getContentLengthLong();
			return !response.containsHeader(HttpHeaders.RETRY_AFTER) && request.getHeader(HttpHeaders.EXPECT) == null
					&& (announced < 0 || announced - request.getCoyoteRequest().getBytesRead() <= MAX_DRAINED_BYTES);
		}

		private static boolean drained(Request request) {
			try {
				// skip() reads and drops; it stops short of the count only at the end of the body.
				return request.getInputStream().skip(MAX_DRAINED_BYTES + 1) <= MAX_DRAINED_BYTES;
			}
			catch (IOException | IllegalStateException unreadable) {
				// Timed out, reset, or the body was taken as a reader: nothing more to read here.
				return false;
			}
		}

		private static void closeInsteadOfReadingTheRest(Request request, Response response) throws IOException {
			if (!request.getCoyoteRequest().isFinished()) {
				endTheAnswer(response);
				stopReading(request, response);
			}
		}

		private static void endTheAnswer(Response response) throws IOException {
			if (!response.isCommitted()) {
				// Says so, or a keep-alive client would send its next request into a closed connection.
				// Finished, not flushed, so the answer carries its Content-Length: a client that reads
				// to the end of the connection would take a reset for a cut answer.
				response.setHeader("Connection", "close");
				response.finishResponse();
			}
		}

		/** Tomcat's signal for an aborted upload: the connection closes once the answer is out, unread. */
		private static void stopReading(Request request, Response response) {
			boolean errorPending = response.isErrorReportRequired();
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			if (!errorPending) {
				// The action marks the exchange as failed; the answer is already written, so no error page.
				response.setErrorReported();
			}
		}
	}
}
