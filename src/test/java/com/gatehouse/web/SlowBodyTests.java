package com.gatehouse.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RawHttp;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client without credentials opens 500 connections from one address, announces a body on each
 * and sends one byte of it. Meanwhile health and a password login from another address answer
 * within a second every time: one address holds at most a few workers, the rest of its requests
 * are refused before their body is read. The attacker's address is 127.0.0.2 (all of 127/8 is
 * loopback), the other client's 127.0.0.1. An orchestrator's liveness probe from the busy address
 * itself still answers.
 */
@GatehouseTest
class SlowBodyTests {

	private static final int CONNECTIONS = 500;

	private static final Duration THROUGHOUT = Duration.ofSeconds(4);

	private static final Duration PROMPT = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	Api api;

	TestUser user;

	final List<Socket> slow = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		Directory directory = new Directory(this.api);
		this.user = directory.newUser(directory.newCompany(), "User");
	}

	@AfterEach
	void closeConnections() {
		for (Socket socket : this.slow) {
			try {
				socket.close();
			}
			catch (IOException alreadyGone) {
				// Closed by the service: nothing left to release.
			}
		}
	}

	/** Bodies within the size limit (read by the service) and over it (refused unread, 413). */
	@ParameterizedTest
	@ValueSource(ints = { 1_000, 100_000 })
	void slowBodiesFromOneAddressWhenOtherClientsCallThenHealthAndLoginAnswerWithinASecond(int announced)
			throws IOException {
		openSlowBodies(announced);

		long end = System.nanoTime() + THROUGHOUT.toNanos();
		int rounds = 0;
		while (System.nanoTime() < end) {
			assertPrompt("health", () -> this.api.get("/actuator/health").status(), 200);
			assertPrompt("login", () -> this.api.post("/rest/auth/", Map.of("auth", this.user.auth())).status(), 200);
			rounds++;
		}
		assertThat(rounds).isPositive();
	}

	/**
	 * An orchestrator restarts an instance whose liveness probe fails, and its probes may come from an
	 * address clients share (a node's, which traffic NATed through the node carries too).
	 */
	@Test
	void whenAnAddressHoldsAllTheRequestsItMayThenItsLivenessProbesStillAnswer() throws IOException {
		openSlowBodies(1_000);

		assertThat(fromTheBusyAddress("GET /livez HTTP/1.1", "", "").status()).isEqualTo(200);
		assertThat(fromTheBusyAddress("GET /actuator/health/liveness HTTP/1.1", "", "").status()).isEqualTo(200);
		assertThat(fromTheBusyAddress("HEAD /livez HTTP/1.1", "", "").status()).isEqualTo(200);

		// Everything else from it is still refused: readiness waits on the store, and a body can be trickled.
		assertThat(fromTheBusyAddress("GET /readyz HTTP/1.1", "", "").status()).isEqualTo(429);
		assertThat(fromTheBusyAddress("GET /livez HTTP/1.1", "Content-Length: 2\r\n", "{}").status()).isEqualTo(429);
		assertThat(fromTheBusyAddress("GET /livez HTTP/1.1", "Transfer-Encoding: chunked\r\n", "0\r\n\r\n").status())
			.isEqualTo(429);
		assertThat(fromTheBusyAddress("POST /rest/auth/ HTTP/1.1", "Content-Type: application/json\r\nContent-Length: 2\r\n",
				"{}").status()).isEqualTo(429);
	}

	/** A request from the address that holds the slow bodies; each of {@code headers} ends its own line. */
	private Api.Reply fromTheBusyAddress(String requestLine, String headers, String body) throws IOException {
		return RawHttp.send("127.0.0.2", this.port,
				requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n" + body);
	}

	private void openSlowBodies(int announced) throws IOException {
		byte[] head = ("POST /rest/auth/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + announced + "\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < CONNECTIONS; i++) {
			Socket socket = new Socket();
			this.slow.add(socket);
			socket.bind(new InetSocketAddress("127.0.0.2", 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			OutputStream out = socket.getOutputStream();
			out.write(head);
			out.flush();
		}
	}

	private static void assertPrompt(String what, StatusCall call, int status) {
		long start = System.nanoTime();
		int answered = call.status();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(answered).as(what).isEqualTo(status);
		assertThat(took).as("%s took %s", what, took).isLessThan(PROMPT);
	}

	@FunctionalInterface
	private interface StatusCall {

		int status();
	}
}
