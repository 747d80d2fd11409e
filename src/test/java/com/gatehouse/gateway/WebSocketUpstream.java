package com.gatehouse.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A PBX service with a WebSocket endpoint, as small as RFC 6455 allows: it records the headers of
 * each upgrade request (names lower-case), accepts the upgrade and sends one text frame,
 * {@code hello <X-Gatehouse-Login>}, then keeps the connection until the client goes.
 */
final class WebSocketUpstream implements AutoCloseable {

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ServerSocket server;

	private final BlockingQueue<Map<String, String>> upgrades = new LinkedBlockingQueue<>();

	private final Thread acceptor;

	WebSocketUpstream() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "websocket-upstream");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** The headers of the next upgrade request, waiting up to 5 s; null when none came. */
	Map<String, String> nextUpgrade() throws InterruptedException {
		return this.upgrades.poll(5, TimeUnit.SECONDS);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread connection = new Thread(() -> serve(socket), "websocket-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			Map<String, String> headers = headers(in);
			this.upgrades.add(headers);
			OutputStream out = socket.getOutputStream();
			String accept = Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-1")
					.digest((headers.get("sec-websocket-key") + GUID).getBytes(StandardCharsets.US_ASCII)));
			out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] hello = ("hello " + headers.get("x-gatehouse-login")).getBytes(StandardCharsets.UTF_8);
			out.write(new byte[] { (byte) 0x81, (byte) hello.length });
			out.write(hello);
			out.flush();
			while (in.read() != -1) {
				// hold the connection until the client closes it
			}
		}
		catch (IOException | NoSuchAlgorithmException gone) {
			// the client went away
		}
	}

	private static Map<String, String> headers(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next == -1) {
				throw new IOException("connection closed in the request head");
			}
			head.append((char) next);
		}
		Map<String, String> headers = new HashMap<>();
		for (String line : head.toString().split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
		}
		return headers;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}
}
