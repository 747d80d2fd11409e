package com.gatehouse.user;

import java.util.HashMap;
import java.util.Map;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

/** The calls the password change tests make over HTTP, and the user each test makes for itself. */
final class PasswordCalls {

	static final String NEW_PASSWORD = "a-brand-new-password";

	private final Api api;

	private final Directory directory;

	PasswordCalls(Api api) {
		this.api = api;
		this.directory = new Directory(api);
	}

	/** An update of the user's own row with these values, made with the user's session. */
	Api.Reply changeOwn(String session, TestUser user, Map<String, Object> values) {
		Map<String, Object> body = new HashMap<>();
		body.put("scope", Map.of("id", user.id()));
		body.put("values", values);
		return this.api.postWithCookie("/rest/ops/update/user", body, session);
	}

	/** A password login. */
	Api.Reply login(TestUser user, String password) {
		return this.api.post("/rest/auth/", Map.of("auth", Map.of("type", "auth", "username", user.login(), "password", password)));
	}

	/** A User of a company of its own. */
	TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
