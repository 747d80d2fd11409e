package com.gatehouse.session;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.ScopeFilter;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "session"}: a user's login sessions, read and ended, by the rules of
 * {@link SessionAccess}. A row names its session by a {@link SessionHandle}, never by the cookie
 * value; {@code current} marks the session the call came with. The scope filters the sessions of
 * the user it names (rest-api.md §5), and a delete ends every session it matches.
 */
@Component
final class SessionHandler implements TypeHandler {

	/** ISO-8601 in UTC with milliseconds always shown, so the text sorts as the time does. */
	private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

	private static final Set<String> COLUMNS = Set.of("id", "contact_id", "login", "created", "last_access", "ip",
			"user_agent", "current");

	private final SessionAccess access;

	private final ValuesReader reader;

	SessionHandler(SessionAccess access, ValuesReader reader) {
		this.access = access;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "session";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		CallerAuthentication authentication = CallerAuthentication.current();
		return switch (verb) {
			case READ -> RestReply.read(Rows.select(matched(authentication, filter(request)).stream()
				.map(SessionHandler::row)
				.toList(), request));
			case DELETE -> {
				matched(authentication, filter(request).requireColumns("id"))
					.forEach((session) -> this.access.end(this.access.owner(authentication.caller(), session.userId()),
							session.handle()));
				yield RestReply.success();
			}
			case CREATE, UPDATE -> throw RestFailure.notFound("request.unknown_verb",
					"Sessions are only read and deleted; a login makes one");
		};
	}

	private static ScopeFilter filter(RestRequest request) {
		return ScopeFilter.of(request, "session", COLUMNS);
	}

	/**
	 * The sessions the filter matches among those of the user it names (by a session's {@code id} or
	 * by {@code contact_id}; the caller when it names none), if the caller may see that user's.
	 */
	private List<SessionView> matched(CallerAuthentication authentication, ScopeFilter filter) {
		return filter.select(this.access.read(authentication, this.reader.scope(filter.single(), SessionScope.class)),
				SessionHandler::row);
	}

	private static Map<String, Object> row(SessionView session) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", session.handle());
		row.put("contact_id", session.userId());
		row.put("login", session.login());
		row.put("created", TIME.format(session.created()));
		row.put("last_access", TIME.format(session.lastAccess()));
		row.put("ip", session.ip());
		row.put("user_agent", session.userAgent());
		row.put("current", session.current());
		return row;
	}
}
