package com.gatehouse.authkey;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.gatehouse.audit.AuditEntry;

/**
 * An Auth Key as stored: never the key itself, only its non-secret hint. {@code ownerLogin} and
 * {@code ownerCompany} name its user for the audit trail; {@code name} is the label ({@code ""} for
 * none); {@code created} is when its current value was issued (a rotation issues a new one).
 */
public record AuthKey(long id, long userId, String ownerLogin, String ownerCompany, String hint, String name, Instant created,
		@Nullable Instant expires, @Nullable Instant lastUsed, @Nullable String lastIp, KeyRestriction restriction) {

	/** What a key's label may be: what the REST API and the console check, with {@link #NAME_RULE} when it is not. */
	public static final String NAME_FORMAT = "[^\\p{Cc}]{0,100}";

	public static final String NAME_RULE = "must be at most 100 characters, none a control character";

	/** The {@code authinfo} row, documented columns first; {@code token} is the key when just issued, else the hint. */
	Map<String, Object> asRow(String token) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", this.id);
		row.put("contact_id", this.userId);
		row.put("type", "auth");
		row.put("subtype", "key");
		row.put("token", token);
		row.put("name", this.name.isEmpty() ? null : this.name);
		row.put("created", this.created.toString());
		row.put("expires", text(this.expires));
		row.put("last_used", text(this.lastUsed));
		row.put("last_ip", this.lastIp);
		row.put("restrict", this.restriction.asJson());
		return row;
	}

	boolean isExpiredAt(Instant now) {
		return this.expires != null && !now.isBefore(this.expires);
	}

	/** An audit event about this key's owner. */
	AuditEntry event(String event, String detail) {
		return AuditEntry.of(event, detail).about(this.userId, this.ownerLogin, this.ownerCompany);
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}
}
