package com.gatehouse.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One kept-alive connection carries 1000 requests: the first 999 answers keep it open and the
 * 1000th says {@code Connection: close}, after which the server closes it.
 */
@GatehouseTest
class KeepAliveTests {

	private static final int REQUESTS_PER_CONNECTION = 1000;

	@LocalServerPort
	int port;

	@Test
	void oneConnectionCarriesAThousandRequestsThenCloses() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			byte[] request = "GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
			for (int i = 1; i <= REQUESTS_PER_CONNECTION; i++) {
				out.write(request);
				out.flush();
				Answer answer = Answer.read(in);
				assertThat(answer.status()).as("answer %d", i).isEqualTo(200);
				assertThat(answer.closes()).as("answer %d says Connection: close", i)
					.isEqualTo(i == REQUESTS_PER_CONNECTION);
			}
			assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
		}
	}

	/** An answer's status and whether it closes the connection; its body is read and dropped. */
	private record Answer(int status, boolean closes) {

		static Answer read(InputStream in) throws IOException {
			int status = Integer.parseInt(line(in).split(" ")[1]);
			boolean closes = false, chunked = false;
			long length = 0;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String lower = header.toLowerCase(Locale.ROOT);
				closes |= lower.startsWith("connection:") && lower.contains("close");
				chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring("content-length:".length()).trim());
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line(in), 16); size > 0; size = Long.parseLong(line(in), 16)) {
					in.skipNBytes(size);
					line(in);
				}
				line(in);
			}
			else {
				in.skipNBytes(length);
			}
			return new Answer(status, closes);
		}

		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("the connection closed mid-answer");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}
	}
}
