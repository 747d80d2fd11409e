package com.gatehouse.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing for a PBX service behind the gateway: it records every request it
 * receives (method, path, headers with lower-case names, body) and answers by section:
 * {@code recording} streams {@link #DOWNLOAD_BYTES} bytes, holding after the first
 * {@link #FIRST_CHUNK} until {@link #releaseDownload()}; {@code slow} answers after
 * {@link #SLOW_MILLIS}; {@code teapot} answers 418 with hop-by-hop headers; anything else 200 JSON.
 */
final class RecordingUpstream implements AutoCloseable {

	static final int DOWNLOAD_BYTES = 50 * 1024 * 1024;

	static final int FIRST_CHUNK = 1024 * 1024;

	static final long SLOW_MILLIS = 3000;

	private final HttpServer server;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private volatile CountDownLatch download = new CountDownLatch(1);

	RecordingUpstream() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The next request the upstream received, waiting up to 5 s; null when none came. */
	Received next() throws InterruptedException {
		return this.received.poll(5, TimeUnit.SECONDS);
	}

	/** Forgets what earlier tests sent. */
	void forget() {
		this.received.clear();
	}

	void releaseDownload() {
		this.download.countDown();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new HashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getRawPath();
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
				new String(body, StandardCharsets.UTF_8)));
		try (exchange) {
			if (path.startsWith("/rest/recording/")) {
				download(exchange);
			}
			else if (path.startsWith("/rest/slow/")) {
				Thread.sleep(SLOW_MILLIS);
				answer(exchange, 200, "{\"result\":\"success\"}");
			}
			else if (path.startsWith("/rest/teapot/")) {
				exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=upstream");
				exchange.getResponseHeaders().add("X-Upstream", "teapot");
				answer(exchange, 418, "{\"result\":\"fail\",\"short\":\"and stout\"}");
			}
			else {
				exchange.getResponseHeaders().add("X-Upstream", "yes");
				answer(exchange, 200, "{\"result\":\"success\",\"values\":[]}");
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void download(HttpExchange exchange) throws IOException, InterruptedException {
		exchange.getResponseHeaders().add("Content-Type", "audio/wav");
		exchange.sendResponseHeaders(200, DOWNLOAD_BYTES);
		byte[] chunk = new byte[64 * 1024];
		CountDownLatch released = this.download;
		try (OutputStream out = exchange.getResponseBody()) {
			int sent = 0;
			for (; sent < FIRST_CHUNK; sent += chunk.length) {
				out.write(chunk);
			}
			out.flush();
			// The rest only once the client has the first megabyte (proof that nothing buffers it
			// all); meanwhile a byte now and then, so that the gateway's read timeout never fires.
			while (!released.await(100, TimeUnit.MILLISECONDS)) {
				out.write(1);
				out.flush();
				if (++sent == DOWNLOAD_BYTES) {
					return;
				}
			}
			for (; sent < DOWNLOAD_BYTES; sent += chunk.length) {
				out.write(chunk, 0, Math.min(chunk.length, DOWNLOAD_BYTES - sent));
			}
		}
		finally {
			this.download = new CountDownLatch(1);
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as the upstream received it. */
	record Received(String method, String uri, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? String.join(",", values) : null;
		}
	}
}
