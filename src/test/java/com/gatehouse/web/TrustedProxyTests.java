package com.gatehouse.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.gatehouse.Api;
import com.gatehouse.AuditRows;
import com.gatehouse.Directory;
import com.gatehouse.FakeAddress;
import com.gatehouse.GatehouseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only from a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}, loopback by default). With the default, a
 * loopback peer is a trusted proxy; {@link UntrustedPeerTests} makes loopback untrusted instead. The
 * client address a call was judged by shows in its audit event.
 */
@GatehouseTest
class TrustedProxyTests {

	@Autowired
	JdbcClient jdbc;

	Api api;

	@Test
	void forwardedForFromLoopbackIsTheClientAddress() {
		String login = Directory.unique("nobody");
		String forwarded = FakeAddress.unique();

		this.api.post("/rest/auth/", Map.of("auth", wrongPassword(login)), "X-Forwarded-For", forwarded);

		assertThat(new AuditRows(this.jdbc).about(login)).singleElement()
			.satisfies((event) -> assertThat(event.ip()).isEqualTo(forwarded));
	}

	static Map<String, Object> wrongPassword(String login) {
		return Map.of("type", "auth", "username", login, "password", "wrong");
	}
}
