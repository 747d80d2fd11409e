import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PBX service stand-in on loopback for the gateway case: every call is answered with one CDR row
 * of JSON after {@code serviceMillis} (none for {@code bench/run}'s gateway case, so that it shows
 * the gateway's whole cost; a PBX service's database read for {@link GatewayLoad}'s ratio). It runs
 * in the benchmark's JVM, so its CPU never counts as the server's. Each kept-alive connection has a
 * thread of its own that reads a request and writes its answer: no hand-over between threads, whose
 * scheduling on a busy machine would add the stand-in's own delays to the gateway's latency (the
 * JDK's HttpServer, used before, passes every call from its dispatcher to a worker and back).
 */
final class Upstream implements AutoCloseable {

	private static final byte[] BODY = "{\"result\":\"success\",\"values\":[{\"id\":1,\"src\":\"201\",\"dst\":\"202\",\"duration\":42}]}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ANSWER = concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
			+ BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), BODY);

	final int port;

	private final int serviceMillis;

	private final ServerSocket listening;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	Upstream(int serviceMillis) throws IOException {
		this.serviceMillis = serviceMillis;
		this.listening = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		this.port = this.listening.getLocalPort();
		daemon(this::accept);
	}

	private void accept() {
		try {
			while (true) {
				Socket socket = this.listening.accept();
				socket.setTcpNoDelay(true);
				this.open.add(socket);
				daemon(() -> answer(socket));
			}
		}
		catch (IOException closed) {
			// close() ends the loop
		}
	}

	private void answer(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			while (true) {
				Connection.line(in);   // the request line
				boolean closing = Connection.skipHeadersAndBody(in);
				if (this.serviceMillis > 0) {
					Thread.sleep(this.serviceMillis);
				}
				out.write(ANSWER);
				out.flush();
				if (closing) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ended) {
			// the client closed the connection, or close() did
		}
		finally {
			this.open.remove(socket);
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work);
		thread.setDaemon(true);
		thread.start();
	}

	private static byte[] concat(byte[] head, byte[] body) {
		byte[] all = new byte[head.length + body.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		return all;
	}

	@Override
	public void close() throws IOException {
		this.listening.close();
		for (Socket socket : this.open) {
			socket.close();
		}
	}
}
