package com.gatehouse.authkey;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;
import com.gatehouse.user.User;

/**
 * {@code type: "authinfo"}: Auth Keys (rest-api.md §3, issue 3). Every user manages its own keys,
 * admins those of the users they manage ({@link KeyAccess}). A key value is in the reply of the
 * create, rotation or replacement that issued it once; every read shows only its hint. An update
 * relabels a key, moves its expiry, or gives it a new value: {@code rotate: true} for a generated
 * one, {@code token} for a client-chosen one. Delete revokes at once. The rules themselves are
 * {@link AuthKeys}', which the admin console uses too; this only turns {@code values} into commands
 * and keys into rows.
 */
@Component
final class AuthKeyHandler implements TypeHandler {

	private final KeyAccess access;

	private final AuthKeys keys;

	private final ValuesReader reader;

	AuthKeyHandler(KeyAccess access, AuthKeys keys, ValuesReader reader) {
		this.access = access;
		this.keys = keys;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "authinfo";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		CallerAuthentication authentication = CallerAuthentication.current();
		Caller caller = authentication.caller();
		return switch (verb) {
			case CREATE -> {
				AuthKeyValues values = this.reader.readForCreate(request.values(), AuthKeyValues.class);
				values.requireCreatable();
				Manageable<User> owner = this.keys.ownerOfNewKey(caller, values.contactId());
				yield reply(this.keys.issue(authentication, owner, values.toIssueKey()));
			}
			case READ -> read(caller, this.reader.read(request.scope(), AuthKeyScope.class), request);
			case UPDATE -> {
				Manageable<AuthKey> key = existing(caller, request, verb);
				AuthKeyValues values = this.reader.read(request.values(), AuthKeyValues.class);
				yield reply(this.keys.update(authentication, key, values.toChangeKey(key.subject())));
			}
			case DELETE -> {
				this.keys.revoke(existing(caller, request, verb));
				yield RestReply.success();
			}
		};
	}

	/** A key just changed as its row, with its new value in {@code token} if it got one, else its hint. */
	private static Object reply(IssuedKey issued) {
		AuthKey key = issued.key();
		return RestReply.values(List.of(key.asRow((issued.value() != null) ? issued.value() : key.hint())));
	}

	private Object read(Caller caller, AuthKeyScope scope, RestRequest request) {
		List<Map<String, Object>> rows = this.access.visible(caller, scope)
			.stream()
			.map((key) -> key.asRow(key.hint()))
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	/** The key the scope names, if the caller may manage it. */
	private Manageable<AuthKey> existing(Caller caller, RestRequest request, Verb verb) {
		AuthKeyScope scope = this.reader.read(request.scope(), AuthKeyScope.class);
		if (scope.id() == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the key by scope.id");
		}
		return this.access.manageable(caller, scope.id(), "authinfo." + verb.name().toLowerCase(Locale.ROOT));
	}
}
