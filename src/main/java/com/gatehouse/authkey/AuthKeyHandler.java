package com.gatehouse.authkey;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.role.RoleRepository;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;
import com.gatehouse.user.User;
import com.gatehouse.user.UserRepository;

/**
 * {@code type: "authinfo"}: Auth Keys (rest-api.md §3). Managed by System-Admins, or by a
 * Company-Admin for the users of its company it could manage. The key is in the create (or
 * replacing update) reply once; every read shows only its hint. Delete revokes at once.
 */
@Component
final class AuthKeyHandler implements TypeHandler {

	private final AuthKeyRepository keys;

	private final UserRepository users;

	private final RoleRepository roles;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	private final AuthKeyFormat format = new AuthKeyFormat();

	AuthKeyHandler(AuthKeyRepository keys, UserRepository users, RoleRepository roles, AccessPolicy policy,
			ValuesReader reader) {
		this.keys = keys;
		this.users = users;
		this.roles = roles;
		this.policy = policy;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "authinfo";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		// rest-api.md §3: only admins manage keys; anyone else is refused (403), whichever user it names.
		this.policy.requireAdminOf(caller, caller.company(), "authinfo." + verb.name().toLowerCase(Locale.ROOT));
		return switch (verb) {
			case CREATE -> create(caller, this.reader.readForCreate(request.values(), AuthKeyValues.class));
			case READ -> read(caller, this.reader.read(request.scope(), AuthKeyScope.class), request);
			case UPDATE -> update(caller, existing(caller, request), this.reader.read(request.values(), AuthKeyValues.class));
			case DELETE -> delete(existing(caller, request));
		};
	}

	private Object create(Caller caller, AuthKeyValues values) {
		User owner = manageableOwner(caller, values.contactId());
		String key = (values.token() != null) ? values.token() : this.format.generate();
		long id = this.keys.insert(owner.id(), key);
		return RestReply.values(List.of(this.keys.findById(id).orElseThrow().asRow(key)));
	}

	private Object read(Caller caller, AuthKeyScope scope, RestRequest request) {
		List<Map<String, Object>> rows = this.keys.find(scope.id(), scope.contactId(), visibleCompany(caller))
			.stream()
			.map((key) -> key.asRow(key.hint()))
			.toList();
		return RestReply.values(Rows.select(rows, request));
	}

	private Object update(Caller caller, AuthKey key, AuthKeyValues values) {
		if (values.token() == null) {
			throw RestFailure.badRequest("request.invalid", "values.token is required");
		}
		if (values.contactId() != null && values.contactId() != key.userId()) {
			throw RestFailure.badRequest("authinfo.owner_immutable", "A key cannot move to another user");
		}
		this.keys.replace(key.id(), values.token());
		return RestReply.values(List.of(this.keys.findById(key.id()).orElseThrow().asRow(values.token())));
	}

	private Object delete(AuthKey key) {
		this.keys.delete(key.id());
		return RestReply.success();
	}

	/** The key the scope names, if the caller may manage its owner; 404 for one it may not see. */
	private AuthKey existing(Caller caller, RestRequest request) {
		AuthKeyScope scope = this.reader.read(request.scope(), AuthKeyScope.class);
		if (scope.id() == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the key by scope.id");
		}
		// A key of another company's user answers as a missing one: its id tells nothing.
		AuthKey key = this.keys.find(scope.id(), null, visibleCompany(caller))
			.stream()
			.findFirst()
			.orElseThrow(AuthKeyHandler::unknownKey);
		manageableOwner(caller, key.userId());
		return key;
	}

	private User manageableOwner(Caller caller, long userId) {
		User owner = this.users.findById(userId)
			.filter((user) -> caller.isAdminOf(user.company()))
			.orElseThrow(() -> RestFailure.notFound("user.unknown", "There is no such user"));
		this.policy.requireCanGrant(caller, this.roles.permsOf(owner.roleId()), owner.company(), "authinfo.manage");
		return owner;
	}

	/** The company whose users' keys the caller sees: every company (null) for a System-Admin. */
	private static @Nullable String visibleCompany(Caller caller) {
		return caller.isSystemAdmin() ? null : caller.company();
	}

	private static RestFailure unknownKey() {
		return RestFailure.notFound("authinfo.unknown", "There is no such key");
	}
}
