package com.gatehouse.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real nginx (Debian's {@code nginx-light}) with the {@code auth_request} configuration that
 * docs/deploy.md §8 prints, in front of a WebSocket service (issue 11 §3): an authorized client's
 * upgrade passes and the service sees the identity headers, never the client's own; an
 * unauthorized one gets 401. Skipped when nginx is not installed, unless
 * {@code GATEHOUSE_TEST_NGINX=required} (as in CI, which installs it).
 */
@GatewayTest
class GatewayNginxTests {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	@LocalServerPort
	int port;

	Directory directory;

	WebSocketUpstream events;

	Path prefix;

	Process nginx;

	int nginxPort;

	@BeforeEach
	void startNginx() throws Exception {
		boolean required = "required".equals(System.getenv("GATEHOUSE_TEST_NGINX"));
		assertThat(required && !Files.isExecutable(NGINX)).as("GATEHOUSE_TEST_NGINX=required but %s is missing", NGINX)
			.isFalse();
		assumeTrue(Files.isExecutable(NGINX), "nginx is not installed");
		this.directory = new Directory(new Api(this.port));
		this.events = new WebSocketUpstream();
		this.prefix = Files.createTempDirectory("gatehouse-nginx");
		this.nginxPort = freePort();
		Path conf = Files.writeString(this.prefix.resolve("nginx.conf"), configuration());
		this.nginx = new ProcessBuilder(NGINX.toString(), "-p", this.prefix.toString(), "-e",
				this.prefix.resolve("error.log").toString(), "-c", conf.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.prefix.resolve("out.log").toFile())
			.start();
		awaitListening();
	}

	@AfterEach
	void stopNginx() throws Exception {
		if (this.nginx != null) {
			this.nginx.destroy();
			this.nginx.waitFor(10, TimeUnit.SECONDS);
		}
		if (this.events != null) {
			this.events.close();
		}
		if (this.prefix != null) {
			try (Stream<Path> files = Files.walk(this.prefix)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void webSocketUpgradeWhenAuthorizedThenPassesWithIdentityAndWhenNotThen401() throws Exception {
		String company = this.directory.newCompany();
		TestUser user = GatewayFixture.userWith(this.directory, company, Map.of("events", "company"));
		String key = this.directory.newKey(user.id());
		String outsider = this.directory.newKey(GatewayFixture.userWith(this.directory, company, Map.of()).id());

		CompletableFuture<String> greeting = new CompletableFuture<>();
		WebSocket socket = connect(key, greeting).get(10, TimeUnit.SECONDS);

		assertThat(greeting.get(10, TimeUnit.SECONDS)).isEqualTo("hello " + user.login());
		Map<String, String> upgrade = this.events.nextUpgrade();
		assertThat(upgrade.get("x-gatehouse-user-id")).isEqualTo(Long.toString(user.id()));
		assertThat(upgrade.get("x-gatehouse-company")).isEqualTo(company);
		assertThat(upgrade.get("x-gatehouse-credential")).isEqualTo("key");
		assertThat(upgrade.get("x-gatehouse-assertion")).isNotBlank();
		assertThat(upgrade).doesNotContainKey("authorization");
		socket.abort();

		assertHandshakeStatus(connect(null, new CompletableFuture<>()), 401);
		assertHandshakeStatus(connect(outsider, new CompletableFuture<>()), 403);
		assertThat(this.events.nextUpgrade()).isNull();
	}

	private CompletableFuture<WebSocket> connect(String key, CompletableFuture<String> greeting) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		// A client's own identity header must never reach the service.
		builder.header("X-Gatehouse-Login", "spoofed");
		if (key != null) {
			builder.header("Authorization", "token auth=" + key);
		}
		return builder.buildAsync(URI.create("ws://127.0.0.1:" + this.nginxPort + "/events/stream"), new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				greeting.complete(data.toString());
				return null;
			}
		});
	}

	private static void assertHandshakeStatus(CompletableFuture<WebSocket> connecting, int status) {
		assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(refused) -> assertThat(refused.getResponse().statusCode()).isEqualTo(status));
	}

	/** The block of docs/deploy.md between its markers, its addresses replaced, in a minimal nginx.conf. */
	private String configuration() throws IOException {
		String doc = Files.readString(Path.of("docs/deploy.md"));
		String block = doc.substring(doc.indexOf("<!-- nginx-forward-auth:begin -->"),
				doc.indexOf("<!-- nginx-forward-auth:end -->"));
		String snippet = block.substring(block.indexOf("```nginx") + "```nginx".length(), block.lastIndexOf("```"))
			.replace("server 10.0.1.11:8080;", "server 127.0.0.1:" + this.port + ";")
			.replace("server 10.0.2.21:9000;", "server 127.0.0.1:" + this.events.port() + ";");
		int split = snippet.indexOf("# In the server {} block.");
		String temp = this.prefix.toString();
		return """
				daemon off;
				master_process off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				events { worker_connections 64; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				%2$s
				    server {
				        listen 127.0.0.1:%3$d;
				%4$s
				    }
				}
				""".formatted(temp, snippet.substring(0, split), this.nginxPort, snippet.substring(split));
	}

	private void awaitListening() throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (Socket probe = new Socket("127.0.0.1", this.nginxPort)) {
				return;
			}
			catch (IOException notYet) {
				assertThat(this.nginx.isAlive()).as("nginx exited: %s", Files.readString(this.prefix.resolve("out.log")))
					.isTrue();
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("nginx did not listen on " + this.nginxPort);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
