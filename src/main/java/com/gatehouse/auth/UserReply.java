package com.gatehouse.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestReply;

/**
 * The documented answer of {@code /rest/auth/} (authentication.txt): {@code {"result":"success",
 * "user":{id, login, name, company, home, session, perms}}}, with {@code session} only when the
 * call was made with a session.
 */
final class UserReply {

	private UserReply() {
	}

	static Map<String, Object> of(Caller caller, @Nullable String sessionId) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", caller.userId());
		user.put("login", caller.login());
		user.put("name", caller.name());
		user.put("company", caller.company());
		user.put("home", caller.home());
		if (sessionId != null) {
			user.put("session", sessionId);
		}
		user.put("perms", caller.perms().asJson());
		Map<String, Object> reply = RestReply.success();
		reply.put("user", user);
		return reply;
	}
}
