package com.gatehouse.web;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;
import com.gatehouse.abuse.AuditRows;
import com.gatehouse.abuse.FakeAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only from a trusted proxy
 * (loopback by default, {@code server.tomcat.remoteip.internal-proxies}). The tests connect as an
 * untrusted peer through this machine's own non-loopback address; the client address a call was
 * judged by shows in its audit event.
 */
@GatehouseTest
class TrustedProxyTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	AuditRows audit;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.directory = new Directory(this.api);
		this.audit = new AuditRows(this.jdbc);
	}

	@Test
	void forwardedForFromLoopbackIsTheClientAddress() {
		String login = Directory.unique("nobody");
		String forwarded = FakeAddress.unique();

		this.api.post("/rest/auth/", Map.of("auth", wrongPassword(login)), "X-Forwarded-For", forwarded);

		assertThat(this.audit.about(login)).singleElement().satisfies((event) -> assertThat(event.ip()).isEqualTo(forwarded));
	}

	@Test
	void forwardedForFromUntrustedPeerIsIgnored() throws Exception {
		String peer = untrustedPeerAddress();
		String login = Directory.unique("nobody");

		HttpResponse<String> reply = post(peer, Api.JSON.writeValueAsString(Map.of("auth", wrongPassword(login))),
				"X-Forwarded-For", FakeAddress.unique());

		assertThat(reply.statusCode()).isEqualTo(401);
		assertThat(this.audit.about(login)).singleElement().satisfies((event) -> assertThat(event.ip()).isEqualTo(peer));
	}

	@Test
	void forwardedProtoFromUntrustedPeerLeavesTheCookieWithoutSecure() throws Exception {
		String peer = untrustedPeerAddress();
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		HttpResponse<String> reply = post(peer, Api.JSON.writeValueAsString(Map.of("auth", user.auth())),
				"X-Forwarded-Proto", "https");

		assertThat(reply.statusCode()).isEqualTo(200);
		List<String> cookies = reply.headers().allValues("Set-Cookie");
		assertThat(cookies).singleElement().satisfies((cookie) -> assertThat(cookie).startsWith(Api.COOKIE + "=")
			.contains("HttpOnly")
			.doesNotContain("Secure"));
	}

	private HttpResponse<String> post(String host, String body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + "/rest/auth/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> wrongPassword(String login) {
		return Map.of("type", "auth", "username", login, "password", "wrong");
	}

	/** An IPv4 address of this machine that is not loopback, so a call to it comes from an untrusted peer. */
	private static String untrustedPeerAddress() throws SocketException {
		Optional<String> address = NetworkInterface.networkInterfaces()
			.filter(TrustedProxyTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((candidate) -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress())
			.map(InetAddress::getHostAddress)
			.findFirst();
		assumeTrue(address.isPresent(), "this machine has no non-loopback address to connect as an untrusted peer");
		return address.get();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException unknown) {
			return false;
		}
	}
}
