package com.gatehouse.authkey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.gatehouse.permission.CredentialLimit;
import com.gatehouse.permission.Grant;
import com.gatehouse.permission.Permissions;
import com.gatehouse.rest.RestFailure;

/**
 * How an Auth Key narrows its owner's permissions (issue 3): not at all ({@link #NONE}), to the read
 * verb ({@link #READ}), or to a perms map ({@code limit}). It is applied on every call to the
 * owner's permissions as they are then, so a role change narrows or widens the key at once but
 * never past its limit. Stored as NULL, {@code read} or the perms map in JSON.
 */
public record KeyRestriction(boolean readOnly, @Nullable Permissions limit) {

	static final KeyRestriction NONE = new KeyRestriction(false, null);

	static final KeyRestriction READ = new KeyRestriction(true, null);

	static final String READ_WORD = "read";

	private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

	/** The width of auth_keys.restriction. */
	private static final int MAX_STORED = 2000;

	/** The {@code restrict} of a create: absent or null, {@code "read"}, or {@code {perm: "yes"|"company"}}; else 400. */
	static KeyRestriction fromRequest(@Nullable JsonNode restrict) {
		if (restrict == null || restrict.isNull()) {
			return NONE;
		}
		if (restrict.isString() && READ_WORD.equals(restrict.asString())) {
			return READ;
		}
		if (!restrict.isObject()) {
			throw invalid();
		}
		Map<String, Grant> grants = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : restrict.properties()) {
			JsonNode word = entry.getValue();
			if (!PERMISSION.matcher(entry.getKey()).matches() || !word.isString()
					|| !(word.asString().equals(Grant.YES.word()) || word.asString().equals(Grant.COMPANY.word()))) {
				throw invalid();
			}
			grants.put(entry.getKey(), Grant.fromWord(word.asString()).orElseThrow());
		}
		KeyRestriction restriction = new KeyRestriction(false, new Permissions(grants));
		String stored = restriction.stored();
		if (stored != null && stored.length() > MAX_STORED) {
			throw RestFailure.badRequest("request.invalid", "restrict names too many permissions");
		}
		return restriction;
	}

	static KeyRestriction fromStored(@Nullable String stored) {
		if (stored == null) {
			return NONE;
		}
		if (READ_WORD.equals(stored)) {
			return READ;
		}
		Map<String, String> words = JsonMapper.shared().readValue(stored, new TypeReference<Map<String, String>>() {
		});
		Map<String, Grant> grants = new LinkedHashMap<>();
		words.forEach((permission, word) -> grants.put(permission, Grant.fromWord(word).orElseThrow()));
		return new KeyRestriction(false, new Permissions(grants));
	}

	@Nullable String stored() {
		if (this.readOnly) {
			return READ_WORD;
		}
		return (this.limit != null) ? JsonMapper.shared().writeValueAsString(this.limit.asJson()) : null;
	}

	/** The {@code restrict} column of an authinfo row. */
	@Nullable Object asJson() {
		if (this.readOnly) {
			return READ_WORD;
		}
		return (this.limit != null) ? this.limit.asJson() : null;
	}

	/** For people: "read only", "only: perm (grant), ..." or "none". */
	public String describe() {
		if (this.readOnly) {
			return "read only";
		}
		if (this.limit == null) {
			return "none";
		}
		StringBuilder text = new StringBuilder("only:");
		this.limit.grants().forEach((perm, grant) -> text.append(' ').append(perm).append(" (").append(grant.word()).append(')'));
		return text.toString();
	}

	/** What a call with this key may do beyond its owner's permissions, for the decision point. */
	CredentialLimit asLimit() {
		if (this.readOnly) {
			return CredentialLimit.READ_ONLY;
		}
		return (this.limit != null) ? CredentialLimit.narrowedTo(this.limit) : CredentialLimit.NONE;
	}

	private static RestFailure invalid() {
		return RestFailure.badRequest("request.invalid",
				"restrict must be \"read\" or an object of permission names to \"yes\" or \"company\"");
	}
}
