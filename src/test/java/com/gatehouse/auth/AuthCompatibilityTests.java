package com.gatehouse.auth;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.Documented;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Authentication page of the public IPCortex documentation (authentication.txt) and what public
 * clients send and read of it (rest-api.md §5), each request sent as printed. A new documented
 * example is a new test here.
 */
@GatehouseTest
class AuthCompatibilityTests {

	static final String LOGIN = """
			{
			    "auth": {
			        "type": "auth",
			        "username": "username",
			        "password": "password"
			    }
			}""";

	static final String LOGOUT = """
			{
			    "auth": {
			        "type": "auth"
			    }
			}""";

	/** The page prints a "..." after the auth block, which is no JSON: it stands for the call's other members. */
	static final String KEY = """
			{
			    "auth": {
			        "type": "auth",
			        "key": "long-api-key-goes-here"
			    }
			}""";

	/** What a public client sends to check a key: no trailing slash, no Content-Type (rest-api.md §5). */
	static final String CLIENT_KEY_CHECK = """
			{"auth":{"type":"auth","key":"long-api-key-goes-here"}}""";

	@LocalServerPort
	int port;

	Api api;

	TestUser user;

	String key;

	Documented documented;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		Directory directory = new Directory(this.api);
		this.user = directory.newUser(directory.newCompany(), "User");
		this.key = directory.newKey(this.user.id());
		this.documented = new Documented(this.api, Map.of("\"username\": \"username\"",
				"\"username\": \"" + this.user.login() + "\"", "\"password\": \"password\"",
				"\"password\": \"" + this.user.password() + "\"", "long-api-key-goes-here", this.key));
	}

	@Test
	void documentedLoginAnswersTheDocumentedUserAndSetsTheSessionCookie() {
		Api.Reply reply = this.documented.post("/rest/auth/", LOGIN);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode user = reply.json().path("user");
		assertDocumentedUser(user);
		assertThat(user.path("session").asString()).isEqualTo(reply.sessionCookie().orElseThrow());
	}

	@Test
	void documentedLogoutEndsTheSessionTheCookieNames() {
		String session = this.documented.post("/rest/auth/", LOGIN).sessionCookie().orElseThrow();

		Api.Reply reply = this.documented.post("/rest/auth/logout", LOGOUT, Documented.cookie(session));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertThat(this.documented.post("/rest/auth/", "{}", Documented.cookie(session)).result()).isEqualTo("fail");
	}

	@Test
	void documentedKeyInTheBodyAnswersTheUserWithoutASession() {
		Api.Reply reply = this.documented.post("/rest/auth/", KEY);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertDocumentedUser(reply.json().path("user"));
		assertThat(reply.json().path("user").has("session")).isFalse();
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	@Test
	void documentedKeyHeaderAnswersTheUser() {
		Api.Reply reply = this.documented.post("/rest/auth/", "", "Authorization", "token auth=" + this.key);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertDocumentedUser(reply.json().path("user"));
	}

	@Test
	void publicClientKeyCheckWithoutTrailingSlashReadsResultAndCompanies() {
		Api.Reply reply = this.documented.post("/rest/auth", CLIENT_KEY_CHECK);

		assertThat(reply.json().path("result").asString()).isEqualTo("success");
		assertThat(reply.json().path("user").path("companies").isArray()).isTrue();
		assertThat(reply.json().path("user").path("companies").valueStream().map(JsonNode::asString))
			.containsExactly(this.user.company());
	}

	@Test
	void publicClientKeyCheckWithABadKeyReadsTheFailureMessage() {
		Api.Reply reply = this.documented.post("/rest/auth", CLIENT_KEY_CHECK.replace("long-api-key-goes-here",
				"no-such-key-0123456789-0123456789"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("result").asString()).isEqualTo("fail");
		assertThat(reply.json().path("message").asString()).isNotBlank();
	}

	@Test
	void systemAdminMayActInEveryCompany() {
		String company = new Directory(this.api).newCompany();

		Api.Reply reply = this.api.send("POST", "/rest/auth", """
				{"auth":{"type":"auth","username":"%s","password":"%s"}}""".formatted(Directory.ADMIN_LOGIN,
				Directory.ADMIN_PASSWORD));

		assertThat(reply.json().path("user").path("companies").valueStream().map(JsonNode::asString)).contains("default",
				company, this.user.company());
	}

	@Test
	void inlineCredentialsAuthenticateAnyCallWithoutASession() {
		Api.Reply reply = this.api.send("POST", "/rest/ops/read/authinfo", """
				{"type":"authinfo","auth":{"type":"auth","key":"%s"}}""".formatted(this.key));

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(1);
		assertThat(reply.sessionSetCookie()).isEmpty();
	}

	/** The documented {@code user}: id, login, name, company, home, perms, and the companies public clients read. */
	private void assertDocumentedUser(JsonNode user) {
		assertThat(user.path("id").asLong()).isEqualTo(this.user.id());
		assertThat(user.path("login").asString()).isEqualTo(this.user.login());
		assertThat(user.path("name").isString()).isTrue();
		assertThat(user.path("company").asString()).isEqualTo(this.user.company());
		assertThat(user.path("home").asString()).isEqualTo(this.user.company());
		assertThat(user.path("companies").valueStream().map(JsonNode::asString)).containsExactly(this.user.company());
		assertThat(user.path("perms").isObject()).isTrue();
	}
}
