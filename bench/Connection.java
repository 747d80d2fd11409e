import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One keep-alive HTTP/1.1 connection sending one case's request again and again: cheap enough to leave the cores to the server. */
final class Connection implements AutoCloseable {

	private final byte[] request;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	private final int port;

	Connection(int port, Load.Case c) throws IOException {
		this.port = port;
		StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
		for (int i = 0; i < c.headers().length; i += 2) {
			head.append(c.headers()[i]).append(": ").append(c.headers()[i + 1]).append("\r\n");
		}
		byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
		if (!c.method().equals("GET")) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes(c.method().equals("GET") ? new byte[0] : body);
		this.request = bytes.toByteArray();
		connect();
	}

	private void connect() throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
		this.socket.setSoTimeout(30_000);
		this.out = this.socket.getOutputStream();
		this.in = new BufferedInputStream(this.socket.getInputStream());
	}

	/** Sends the request, reads the whole answer, answers its status. */
	int send() throws IOException {
		this.out.write(this.request);
		this.out.flush();
		String status = line(this.in);
		boolean closing = skipHeadersAndBody(this.in);
		if (closing) {   // Tomcat closes a keep-alive connection after 1000 calls (the service sets it; Tomcat alone says 100): open the next
			this.socket.close();
			connect();
		}
		return Integer.parseInt(status.substring(9, 12));
	}

	/** Reads a message's header lines and skips its body (Content-Length or chunked); answers whether it says Connection: close. */
	static boolean skipHeadersAndBody(InputStream in) throws IOException {
		long length = -1;
		boolean chunked = false, closing = false;
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
				in.skipNBytes(size);
				line(in);
			}
			line(in);
		}
		else if (length > 0) {
			in.skipNBytes(length);
		}
		return closing;
	}

	/** One line without its CR LF; fails at the end of the stream. */
	static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("connection closed");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** A one-off call for setting up, through a fresh connection; fails unless it answers 200. */
	static String call(int port, String method, String path, String body, String... headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
			for (int i = 0; i < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			socket.getOutputStream().write((head + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!answer.startsWith("HTTP/1.1 200")) {
				throw new IllegalStateException(method + " " + path + " answered " + answer.lines().findFirst().orElse(""));
			}
			return answer;
		}
	}
}
