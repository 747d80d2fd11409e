package com.gatehouse.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestReply;

/**
 * The documented answer of {@code /rest/auth/} (authentication.txt): {@code {"result":"success",
 * "user":{id, login, name, company, home, companies, session, perms}}}, with {@code session} only
 * when the call was made with a session; {@code companies} are the ids of the companies the caller
 * may act in, which public clients read (rest-api.md §5).
 */
final class UserReply {

	private UserReply() {
	}

	static Map<String, Object> of(Caller caller, List<String> companies, @Nullable String sessionId) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", caller.userId());
		user.put("login", caller.login());
		user.put("name", caller.name());
		user.put("company", caller.company());
		user.put("home", caller.home());
		user.put("companies", companies);
		if (sessionId != null) {
			user.put("session", sessionId);
		}
		user.put("perms", caller.perms().asJson());
		Map<String, Object> reply = RestReply.success();
		reply.put("user", user);
		return reply;
	}
}
