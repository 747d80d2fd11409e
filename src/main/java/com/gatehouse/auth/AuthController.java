package com.gatehouse.auth;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.gatehouse.company.ActingCompanies;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestReply;

/**
 * {@code /rest/auth/}: log in, or tell a key or session holder who it acts as; and
 * {@code /rest/auth/logout}. The credential was already verified by the security chain; this only
 * decides what the verified call means here (rest-api.md §3).
 */
@RestController
final class AuthController {

	/** The login's paths: a password verified here is recorded once its session exists. */
	static final String[] LOGIN = { "/rest/auth", "/rest/auth/" };

	private final PasswordSignIn signIns;

	private final ActingCompanies companies;

	AuthController(PasswordSignIn signIns, ActingCompanies companies) {
		this.signIns = signIns;
		this.companies = companies;
	}

	@PostMapping({ "/rest/auth", "/rest/auth/" })
	Map<String, Object> login(HttpServletRequest request, HttpServletResponse response) {
		CallerAuthentication authentication = CallerAuthentication.current();
		Caller caller = authentication.caller();
		List<String> companies = this.companies.of(caller);
		return switch (caller.via()) {
			case PASSWORD -> UserReply.of(caller, companies, this.signIns.openSession(request, response, caller));
			case KEY -> UserReply.of(caller, companies, null);
			case SESSION -> UserReply.of(caller, companies, authentication.sessionId());
			case OPERATOR -> throw new IllegalStateException("the admin command line makes no HTTP call");
		};
	}

	@PostMapping({ "/rest/auth/logout", "/rest/auth/logout/" })
	Map<String, Object> logout(HttpServletRequest request) {
		// The cookie names the session to end; a call authenticated any other way names none.
		this.signIns.signOut(request, Caller.current());
		return RestReply.success();
	}
}
