package com.gatehouse.authkey;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** An Auth Key as stored: never the key itself, only its non-secret hint. */
record AuthKey(long id, long userId, String hint, OffsetDateTime created) {

	/** The documented {@code authinfo} row; {@code token} is the key on create, the hint otherwise. */
	Map<String, Object> asRow(String token) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", this.id);
		row.put("contact_id", this.userId);
		row.put("type", "auth");
		row.put("subtype", "key");
		row.put("token", token);
		row.put("created", this.created.toInstant().toString());
		return row;
	}
}
