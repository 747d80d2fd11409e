package com.gatehouse.session;

import java.util.List;

import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** What the session list tests share: a user of a company of its own, and the rows a session read answers. */
final class SessionListFixture {

	private final Directory directory;

	SessionListFixture(Api api) {
		this.directory = new Directory(api);
	}

	TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}

	/** The rows of a successful read. */
	static List<JsonNode> rows(Api.Reply reply) {
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
		assertThat(reply.result()).isEqualTo("success");
		JsonNode values = reply.json().path("values");
		assertThat(values.isArray()).isTrue();
		return values.valueStream().toList();
	}
}
