package com.gatehouse.console;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.permission.Manageable;
import com.gatehouse.session.SessionAccess;
import com.gatehouse.user.User;

/**
 * The Sessions section of a page about one user (the user edit screen, or your own account): the
 * user's live sessions with "end" per session and "end all", through {@link SessionAccess} and so
 * the REST API's rules. The page includes {@code console/sessions :: section(sessions, base)} and
 * maps {@code POST base/end} and {@code POST base/end-all} onto {@link #end}, passing the user as
 * the page found it manageable. Ending the very session the page came with signs the browser out.
 */
@Component
final class SessionsSection {

	private final SessionAccess sessions;

	private final Browsers browsers;

	SessionsSection(SessionAccess sessions, Browsers browsers) {
		this.sessions = sessions;
		this.browsers = browsers;
	}

	/** The owner's sessions; {@code current} is the session id the page came with. */
	List<SessionRow> rows(Manageable<User> owner, @Nullable String current) {
		return this.sessions.list(owner, current)
			.stream()
			.map((session) -> new SessionRow(session.handle(), ConsoleTime.of(session.created()),
					ConsoleTime.of(session.lastAccess()), Addresses.of(session.ip()),
					this.browsers.describe(session.userAgent()), orDash(session.userAgent()), session.current()))
			.toList();
	}

	/** Ends the session {@code handle} of the owner, or all of them when it is null; then back to {@code back}. */
	ModelAndView end(Manageable<User> owner, @Nullable String current, @Nullable String handle, String back) {
		boolean ownEnds = this.sessions.list(owner, current)
			.stream()
			.anyMatch((session) -> session.current() && (handle == null || handle.equals(session.handle())));
		if (handle == null) {
			this.sessions.endAll(owner);
		}
		else {
			this.sessions.end(owner, handle);
		}
		return new ModelAndView("redirect:" + (ownEnds ? ConsoleSecurity.SIGN_IN_PAGE + "?signed-out"
				: back + "?done=" + ((handle == null) ? "sessions-ended" : "session-ended") + "#sessions"));
	}

	private static String orDash(@Nullable String text) {
		return (text != null && !text.isBlank()) ? text : "—";
	}

	/**
	 * One live session as the section lists it: {@code browser} as people read it, {@code userAgent}
	 * as sent; {@code current} is the one this page came with.
	 */
	record SessionRow(String handle, String created, String lastAccess, String address, String browser,
			String userAgent, boolean current) {
	}
}
