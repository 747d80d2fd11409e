package com.gatehouse.web;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseTest;
import com.gatehouse.RawHttp;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gatehouse.web.allowed-hosts} set, a request for any other host is refused with 400
 * before a credential is read: a DNS-rebinding page, whose {@code Host} and {@code Origin} both name
 * the attacker's domain, cannot log in with a password it guesses. Health stays open to probes that
 * address the instance by IP.
 */
@GatehouseTest
// The same settings as UntrustedPeerTests, so both share one application context: no call here
// carries a forwarded header, which is all the trusted-proxy setting changes.
@TestPropertySource(properties = { "gatehouse.web.allowed-hosts=gatehouse.example,127.0.0.1",
		"server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.254" })
class AllowedHostsTests {

	private static final String REBOUND = "rebind.attacker.example";

	@LocalServerPort
	int port;

	TestUser user;

	@BeforeEach
	void setUp() {
		Directory directory = new Directory(new Api(this.port));
		this.user = directory.newUser(directory.newCompany(), "User");
	}

	@Test
	void passwordLoginWhenHostAndOriginAreARebindingDomainThen400BeforeTheCredentialIsRead() throws IOException {
		Api.Reply reply = login(REBOUND + ":" + this.port, "http://" + REBOUND + ":" + this.port, "wrong-password");

		assertFailure(reply, 400, "request.host");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void passwordLoginWhenHostAndOriginAreARebindingDomainWithTheRightPasswordThen400AndNoSession()
			throws IOException {
		Api.Reply reply = login(REBOUND, "http://" + REBOUND, this.user.password());

		assertFailure(reply, 400, "request.host");
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void passwordLoginWhenHostIsAllowedInAnyCaseThenOk() throws IOException {
		Api.Reply reply = login("GateHouse.Example:" + this.port, "http://gatehouse.example:" + this.port,
				this.user.password());

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.sessionCookie()).isPresent();
	}

	@Test
	void consoleWhenHostIsForeignThen400() throws IOException {
		Api.Reply reply = RawHttp.send(this.port,
				"GET /admin/ HTTP/1.1\r\nHost: " + REBOUND + "\r\nConnection: close\r\n\r\n");

		assertFailure(reply, 400, "request.host");
	}

	@Test
	void healthWhenHostIsAnInstanceAddressThenOk() throws IOException {
		Api.Reply reply = RawHttp.send(this.port,
				"GET /actuator/health HTTP/1.1\r\nHost: 10.1.2.3:8080\r\nConnection: close\r\n\r\n");

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

	private Api.Reply login(String host, String origin, String password) throws IOException {
		String body = Api.JSON.writeValueAsString(
				Map.of("auth", Map.of("type", "auth", "username", this.user.login(), "password", password)));
		return RawHttp.send(this.port, "POST /rest/auth/ HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);
	}
}
