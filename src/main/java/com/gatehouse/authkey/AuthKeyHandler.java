package com.gatehouse.authkey;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "authinfo"}: Auth Keys (rest-api.md §3, issue 3). Every user manages its own keys,
 * admins those of the users they manage ({@link KeyAccess}). A key value is in the reply of the
 * create, rotation or replacement that issued it once; every read shows only its hint. An update
 * relabels a key, moves its expiry, or gives it a new value: {@code rotate: true} for a generated
 * one, {@code token} for a client-chosen one. Delete revokes at once. The rules themselves are
 * {@link AuthKeys}', which the admin console uses too.
 */
@Component
final class AuthKeyHandler implements TypeHandler {

	private final KeyAccess access;

	private final AuthKeys keys;

	private final KeyChanges changes;

	private final ValuesReader reader;

	AuthKeyHandler(KeyAccess access, AuthKeys keys, KeyChanges changes, ValuesReader reader) {
		this.access = access;
		this.keys = keys;
		this.changes = changes;
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
			case CREATE -> RestReply.values(List.of(this.keys.create(authentication,
					this.reader.readForCreate(request.values(), AuthKeyValues.class))));
			case READ -> read(caller, this.reader.read(request.scope(), AuthKeyScope.class), request);
			case UPDATE -> RestReply.values(List.of(this.keys.update(authentication, existing(caller, request, verb),
					this.reader.read(request.values(), AuthKeyValues.class))));
			case DELETE -> {
				this.changes.revoke(caller, existing(caller, request, verb));
				yield RestReply.success();
			}
		};
	}

	private Object read(Caller caller, AuthKeyScope scope, RestRequest request) {
		List<Map<String, Object>> rows = this.access.visible(caller, scope)
			.stream()
			.map((key) -> key.asRow(key.hint()))
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	/** The key the scope names, if the caller may manage it. */
	private AuthKey existing(Caller caller, RestRequest request, Verb verb) {
		AuthKeyScope scope = this.reader.read(request.scope(), AuthKeyScope.class);
		if (scope.id() == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the key by scope.id");
		}
		return this.access.manageable(caller, scope.id(), "authinfo." + verb.name().toLowerCase(Locale.ROOT));
	}
}
