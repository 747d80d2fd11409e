package com.gatehouse.authkey;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.ScopeFilter;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;
import com.gatehouse.user.User;

/**
 * {@code type: "authinfo"}: Auth Keys (rest-api.md §3, §5, issue 3). Every user manages its own
 * keys, admins those of the users they manage ({@link KeyAccess}). The scope is a filter over the
 * keys the caller may see, as documented ({@code {"contact_id":123,"type":"auth","subtype":"key"}});
 * update and delete act on every key it matches, all or none. A key value is in the reply of the
 * create, rotation or replacement that issued it once; every read shows only its hint. An update
 * relabels a key, moves its expiry, or gives it a new value: {@code rotate: true} for a generated
 * one, {@code token} for a client-chosen one. Delete revokes at once. The rules themselves are
 * {@link AuthKeys}', which the admin console uses too; this only turns {@code values} into commands
 * and keys into rows. A client-chosen {@code token} can go to one key only.
 */
@Component
final class AuthKeyHandler implements TypeHandler {

	private static final Set<String> COLUMNS = Set.of("id", "contact_id", "type", "subtype", "token", "name", "created",
			"expires", "last_used", "last_ip", "restrict");

	private final KeyAccess access;

	private final AuthKeys keys;

	private final ValuesReader reader;

	private final TransactionOperations transactions;

	AuthKeyHandler(KeyAccess access, AuthKeys keys, ValuesReader reader, TransactionOperations transactions) {
		this.access = access;
		this.keys = keys;
		this.reader = reader;
		this.transactions = transactions;
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
				AuthKeyValues values = this.reader.valuesForCreate(request, AuthKeyValues.class);
				values.requireCreatable();
				Manageable<User> owner = this.keys.ownerOfNewKey(caller, values.contactId());
				yield RestReply.values(List.of(row(this.keys.issue(authentication, owner, values.toIssueKey()))));
			}
			case READ -> RestReply.read(Rows.select(matched(caller, filter(request)).stream()
				.map((key) -> key.asRow(key.hint()))
				.toList(), request));
			case UPDATE -> update(authentication, request);
			case DELETE -> {
				List<AuthKey> found = matched(caller, filter(request).requireColumns("id"));
				this.transactions.executeWithoutResult((status) -> found.forEach(
						(key) -> this.keys.revoke(this.access.manageable(caller, key.id(), "authinfo.delete"))));
				yield RestReply.success();
			}
		};
	}

	private Object update(CallerAuthentication authentication, RestRequest request) {
		Caller caller = authentication.caller();
		AuthKeyValues values = this.reader.values(request, AuthKeyValues.class);
		List<AuthKey> found = matched(caller, filter(request).requireColumns("id"));
		if (values.token() != null && found.size() != 1) {
			// A client-chosen value names one key: two keys with one value would be one credential.
			throw RestFailure.conflict("authinfo.token_needs_one_key", "values.token gives one key a new value, but the"
					+ " scope matches " + found.size() + " keys: pick the key by scope.id");
		}
		List<Map<String, Object>> rows = this.transactions.execute((status) -> found.stream()
			.map((key) -> this.access.manageable(caller, key.id(), "authinfo.update"))
			.map((key) -> row(this.keys.update(authentication, key, values.toChangeKey(key.subject()))))
			.toList());
		return RestReply.values(rows);
	}

	private static ScopeFilter filter(RestRequest request) {
		return ScopeFilter.of(request, "authinfo", COLUMNS);
	}

	/** The keys the caller may see that the filter matches. */
	private List<AuthKey> matched(Caller caller, ScopeFilter filter) {
		return filter.select(this.access.visible(caller, this.reader.scope(filter.single(), AuthKeyScope.class)),
				(key) -> key.asRow(key.hint()));
	}

	/** A key just issued or changed as its row, with its new value in {@code token} if it got one, else its hint. */
	private static Map<String, Object> row(IssuedKey issued) {
		AuthKey key = issued.key();
		return key.asRow((issued.value() != null) ? issued.value() : key.hint());
	}
}
