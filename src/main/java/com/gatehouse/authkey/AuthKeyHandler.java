package com.gatehouse.authkey;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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
import com.gatehouse.user.User;

/**
 * {@code type: "authinfo"}: Auth Keys (rest-api.md §3, issue 3). Every user manages its own keys,
 * admins those of the users they manage ({@link KeyAccess}). A key value is in the reply of the
 * create, rotation or replacement that issued it once; every read shows only its hint. An update
 * relabels a key, moves its expiry, or gives it a new value: {@code rotate: true} for a generated
 * one, {@code token} for a client-chosen one. Delete revokes at once.
 */
@Component
final class AuthKeyHandler implements TypeHandler {

	private final KeyAccess access;

	private final KeyChanges changes;

	private final ValuesReader reader;

	AuthKeyHandler(KeyAccess access, KeyChanges changes, ValuesReader reader) {
		this.access = access;
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
			case CREATE -> create(authentication, this.reader.readForCreate(request.values(), AuthKeyValues.class));
			case READ -> read(caller, this.reader.read(request.scope(), AuthKeyScope.class), request);
			case UPDATE -> update(authentication, existing(caller, request, verb),
					this.reader.read(request.values(), AuthKeyValues.class));
			case DELETE -> delete(caller, existing(caller, request, verb));
		};
	}

	private Object create(CallerAuthentication authentication, AuthKeyValues values) {
		Caller caller = authentication.caller();
		requireWellFormed(values.token());
		if (values.rotates()) {
			throw RestFailure.badRequest("request.invalid", "rotate applies to an existing key: use update");
		}
		User owner = this.access.ownerOfNewKey(caller, values.contactId());
		KeyRestriction restriction = KeyRestriction.fromRequest(values.restrict());
		this.access.requireAllowed(authentication, owner, restriction);
		return RestReply.values(List.of(this.changes.create(caller, owner, values, restriction)));
	}

	private Object read(Caller caller, AuthKeyScope scope, RestRequest request) {
		List<Map<String, Object>> rows = this.access.visible(caller, scope)
			.stream()
			.map((key) -> key.asRow(key.hint()))
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	private Object update(CallerAuthentication authentication, AuthKey key, AuthKeyValues values) {
		requireWellFormed(values.token());
		if (values.contactId() != null && values.contactId() != key.userId()) {
			throw RestFailure.badRequest("authinfo.owner_immutable", "A key cannot move to another user");
		}
		if (values.restrict() != null) {
			throw RestFailure.badRequest("authinfo.restrict_immutable", "What a key may do is fixed: make a new key");
		}
		if (values.token() != null && values.rotates()) {
			throw RestFailure.badRequest("request.invalid", "Give either values.token or values.rotate, not both");
		}
		if (values.token() == null && !values.rotates() && values.name() == null && values.expires() == null) {
			throw RestFailure.badRequest("request.invalid", "Give values.token, rotate, name or expires");
		}
		this.access.requireNotWider(authentication, key);
		return RestReply.values(List.of(this.changes.update(authentication.caller(), key, values)));
	}

	private Object delete(Caller caller, AuthKey key) {
		this.changes.revoke(caller, key);
		return RestReply.success();
	}

	/** The key the scope names, if the caller may manage it. */
	private AuthKey existing(Caller caller, RestRequest request, Verb verb) {
		AuthKeyScope scope = this.reader.read(request.scope(), AuthKeyScope.class);
		if (scope.id() == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the key by scope.id");
		}
		return this.access.manageable(caller, scope.id(), "authinfo." + verb.name().toLowerCase(Locale.ROOT));
	}

	private static void requireWellFormed(@Nullable String token) {
		if (token != null && !AuthKeyFormat.isWellFormed(token)) {
			throw RestFailure.badRequest("request.invalid", "token must be 32 to 256 characters of A-Z a-z 0-9 _ -,"
					+ " and one starting with " + AuthKeyFormat.PREFIX + " must end with its checksum");
		}
	}
}
