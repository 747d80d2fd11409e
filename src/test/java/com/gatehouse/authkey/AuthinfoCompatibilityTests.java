package com.gatehouse.authkey;

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
 * The authinfo (Auth Key) requests of the public IPCortex documentation (rest-api.md §5), each sent
 * as printed, with its documented scope {@code {"contact_id":123,"type":"auth","subtype":"key"}}.
 * A new documented example is a new test here.
 */
@GatehouseTest
class AuthinfoCompatibilityTests {

	static final String CREATE = """
			{"type":"authinfo","values":{"contact_id":123,"type":"auth","subtype":"key","token":"VHUSAIbicp-asi9pbhucp909gb88s78bt7csbt7os"}}""";

	static final String READ_TOKEN = """
			{"type":"authinfo","columns":["token"],"scope":{"contact_id":123,"type":"auth","subtype":"key"}}""";

	static final String READ = """
			{"type":"authinfo","scope":{"contact_id":123,"type":"auth","subtype":"key"}}""";

	static final String UPDATE = """
			{"type":"authinfo","scope":{"contact_id":123,"type":"auth","subtype":"key"},"values":{"token":"<new token>"}}""";

	static final String DELETE = """
			{"type":"authinfo","scope":{"contact_id":123,"type":"auth","subtype":"key"}}""";

	static final String TOKEN = "VHUSAIbicp-asi9pbhucp909gb88s78bt7csbt7os";

	@LocalServerPort
	int port;

	Api api;

	Directory directory;

	Documented documented;

	TestUser user;

	String[] admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.directory = new Directory(this.api);
		this.user = this.directory.newUser(this.directory.newCompany(), "User");
		// The documented token is one value in the whole store: each test makes its own.
		this.documented = new Documented(this.api, Map.of(":123,", ":" + this.user.id() + ",", TOKEN,
				TOKEN + Directory.unique("-t").replace("_", "-"), "<new token>",
				Directory.unique("new-token-of-at-least-32-chars")));
		this.admin = Documented.cookie(Documented.adminSession(this.api));
	}

	@Test
	void documentedCreateAnswersTheKeyRowWithItsToken() {
		Api.Reply reply = this.documented.post("/rest/ops/create/", CREATE, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		JsonNode row = reply.json().path("values").path(0);
		assertThat(row.path("contact_id").asLong()).isEqualTo(this.user.id());
		assertThat(row.path("type").asString()).isEqualTo("auth");
		assertThat(row.path("subtype").asString()).isEqualTo("key");
		assertThat(row.path("token").asString()).startsWith(TOKEN);
		assertAuthenticates(row.path("token").asString(), true);
	}

	@Test
	void documentedReadWithColumnsAnswersOnlyTheTokenColumn() {
		this.documented.post("/rest/ops/create/", CREATE, this.admin);

		Api.Reply reply = this.documented.post("/rest/ops/read/", READ_TOKEN, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("numrows").asInt()).isEqualTo(1);
		assertThat(reply.json().path("values").path(0).propertyNames()).containsExactly("token");
	}

	@Test
	void documentedReadWithoutColumnsAnswersEveryColumn() {
		this.documented.post("/rest/ops/create/", CREATE, this.admin);

		Api.Reply reply = this.documented.post("/rest/ops/read/", READ, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.json().path("values").path(0).propertyNames()).contains("id", "contact_id", "type", "subtype",
				"token");
		assertThat(reply.json().path("values").path(0).path("contact_id").asLong()).isEqualTo(this.user.id());
	}

	@Test
	void documentedUpdateGivesTheUsersOneKeyTheNewToken() {
		this.documented.post("/rest/ops/create/", CREATE, this.admin);

		Api.Reply reply = this.documented.post("/rest/ops/update/", UPDATE, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		String newToken = reply.json().path("values").path(0).path("token").asString();
		assertThat(newToken).startsWith("new-token-of-at-least-32-chars");
		assertAuthenticates(newToken, true);
	}

	@Test
	void documentedDeleteRevokesTheUsersKeys() {
		String token = this.documented.post("/rest/ops/create/", CREATE, this.admin)
			.json().path("values").path(0).path("token").asString();

		Api.Reply reply = this.documented.post("/rest/ops/delete/", DELETE, this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		assertAuthenticates(token, false);
		assertThat(this.documented.post("/rest/ops/read/", READ, this.admin).json().path("numrows").asInt()).isZero();
	}

	@Test
	void createWithoutContactIdNamesTheMemberAsTheApiSpellsIt() {
		Api.Reply reply = this.documented.post("/rest/ops/create/", """
				{"type":"authinfo","values":{"type":"auth","subtype":"key"}}""", this.admin);

		assertThat(reply.status()).as("%s", reply).isEqualTo(400);
		assertThat(reply.json().path("message").asString()).contains("values.contact_id").doesNotContain("contactId");
	}

	private void assertAuthenticates(String key, boolean works) {
		Api.Reply reply = this.api.send("POST", "/rest/auth", """
				{"auth":{"type":"auth","key":"%s"}}""".formatted(key));
		assertThat(reply.result()).as("%s", reply).isEqualTo(works ? "success" : "fail");
	}
}
