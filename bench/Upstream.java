import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A PBX service stand-in on loopback for the gateway case: every call is answered with one CDR row
 * of JSON after {@code serviceMillis} (none for {@code bench/run}'s gateway case, so that it shows
 * the gateway's whole cost; a PBX service's database read for {@link GatewayLoad}'s ratio). It runs
 * in the benchmark's JVM, so its CPU never counts as the server's.
 */
final class Upstream implements AutoCloseable {

	private static final byte[] ANSWER = "{\"result\":\"success\",\"values\":[{\"id\":1,\"src\":\"201\",\"dst\":\"202\",\"duration\":42}]}"
		.getBytes(StandardCharsets.UTF_8);

	final int port;

	private final ExecutorService answering = Executors.newFixedThreadPool(32);

	private final HttpServer server;

	private final int serviceMillis;

	Upstream(int serviceMillis) throws IOException {
		this.serviceMillis = serviceMillis;
		// The JDK's HttpServer writes an answer's head and body apart: without TCP_NODELAY each
		// answer waits about 40 ms for a delayed ACK.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		this.server.setExecutor(this.answering);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try {
			exchange.getRequestBody().readAllBytes();
			if (this.serviceMillis > 0) {
				Thread.sleep(this.serviceMillis);
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, ANSWER.length);
			exchange.getResponseBody().write(ANSWER);
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.answering.shutdownNow();
	}
}
