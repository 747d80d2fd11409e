package com.gatehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HTTP/1.1 written by hand over a socket, for requests no HTTP client would build: malformed URLs
 * and framing, a {@code Host} header of the attacker's choosing. The request must ask for
 * {@code Connection: close}, as the answer is read to the end of the stream.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends {@code request} as it is to the service on {@code port} and parses the answer. */
	public static Api.Reply send(int port, String request) throws IOException {
		return send("127.0.0.1", port, request);
	}

	/**
	 * As {@link #send(int, String)}, from the loopback address {@code from} (all of 127/8 is
	 * loopback): a client of its own to the service's bounds per address.
	 */
	public static Api.Reply send(String from, int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return parseResponse(socket.getInputStream());
		}
	}

	private static Api.Reply parseResponse(InputStream in) throws IOException {
		String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		int split = text.indexOf("\r\n\r\n");
		String[] head = text.substring(0, split).split("\r\n");
		int status = Integer.parseInt(head[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < head.length; i++) {
			String[] header = head[i].split(":", 2);
			headers.merge(header[0].trim().toLowerCase(Locale.ROOT), List.of(header[1].trim()),
					(first, more) -> Stream.concat(first.stream(), more.stream()).toList());
		}
		String body = text.substring(split + 4);
		if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
			body = dechunk(body);
		}
		return new Api.Reply(status, headers, body);
	}

	private static String dechunk(String chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				return body.toString(StandardCharsets.UTF_8);
			}
			body.writeBytes(chunked.substring(lineEnd + 2, lineEnd + 2 + size).getBytes(StandardCharsets.UTF_8));
			at = lineEnd + 2 + size + 2;
		}
	}
}
