package com.gatehouse.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.gatehouse.Api;
import com.gatehouse.AuditRows;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer that is not a trusted proxy cannot choose its client address or claim HTTPS. Here the only
 * trusted proxy is an address no test uses, so the tests' own loopback connections are untrusted
 * peers (and every call stays on loopback).
 */
@GatehouseTest
// The same settings as AllowedHostsTests, so both share one application context: every call here
// addresses 127.0.0.1, which the allowed hosts include.
@TestPropertySource(properties = { "gatehouse.web.allowed-hosts=gatehouse.example,127.0.0.1",
		"server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.254" })
class UntrustedPeerTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	Directory directory;

	@Test
	void forwardedForFromUntrustedPeerIsIgnored() {
		String login = Directory.unique("nobody");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", TrustedProxyTests.wrongPassword(login)),
				"X-Forwarded-For", FakeAddress.unique());

		assertThat(reply.status()).isEqualTo(401);
		assertThat(new AuditRows(this.jdbc).about(login)).singleElement()
			.satisfies((event) -> assertThat(event.ip()).isEqualTo("127.0.0.1"));
	}

	@Test
	void forwardedProtoFromUntrustedPeerLeavesTheCookieWithoutSecure() {
		TestUser user = this.directory.newUser(this.directory.newCompany(), "User");

		Api.Reply reply = this.api.post("/rest/auth/", Map.of("auth", user.auth()), "X-Forwarded-Proto", "https");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.sessionSetCookie()).hasValueSatisfying(
				(cookie) -> assertThat(cookie).contains("HttpOnly").doesNotContain("Secure"));
	}
}
