package com.gatehouse.system;

import java.io.IOException;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import com.gatehouse.rest.FailureRenderer;
import com.gatehouse.rest.RestFailure;

/**
 * Tomcat answers some requests itself, before any filter or the {@code /error} page runs (a URL
 * that cannot be decoded, such as {@code /rest/auth/%} or one with an encoded NUL). Its host's
 * error report valve would answer them with an HTML page; this one answers the JSON failure shape
 * instead (rest-api.md §2: never an HTML page). Ordered last, so it replaces the valve Spring Boot
 * adds.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final FailureRenderer renderer;

	ContainerErrorConfig(FailureRenderer renderer) {
		this.renderer = renderer;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			host.addValve(new JsonErrorReportValve(this.renderer));
			// Without this the host adds Tomcat's own HTML valve again when it starts.
			((StandardHost) context.getParent()).setErrorReportValveClass(JsonErrorReportValve.class.getName());
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static final class JsonErrorReportValve extends ErrorReportValve {

		private final FailureRenderer renderer;

		JsonErrorReportValve(FailureRenderer renderer) {
			this.renderer = renderer;
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			RestFailure failure = failureFor(status);
			try {
				this.renderer.render(response, failure);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ignored) {
				// The client is gone or the response already went out: nothing left to answer.
			}
		}

		/**
		 * Tomcat answers a transfer coding it does not implement ({@code xchunked}, {@code gzip,
		 * chunked}, {@code identity}) with 501 before any servlet runs. That is the client's malformed
		 * framing, not our failure: it is a 400 (docs/security.md, "Malformed framing").
		 */
		private static RestFailure failureFor(int status) {
			if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
				return RestFailure.badRequest("request.framing", "The request's framing is not supported");
			}
			HttpStatus known = HttpStatus.resolve(status);
			return (known == null || known.is5xxServerError()) ? RestFailure.internal() : RestFailure.ofStatus(known);
		}
	}
}
