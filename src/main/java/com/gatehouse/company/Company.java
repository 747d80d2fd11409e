package com.gatehouse.company;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * A company: {@code handle} is the id the API names it by ({@code ^[a-zA-Z0-9_]{1,32}$}),
 * {@code id} its number, {@code data} its feature toggles (rest-api.md §4).
 */
record Company(long id, String handle, String name, ObjectNode data) {

	/** The value under the company's handle in a reply's {@code values} object. */
	Map<String, Object> asValue() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("id", this.id);
		value.put("name", this.name);
		value.put("data", this.data);
		return value;
	}

	/**
	 * What a new name and data change, for the audit trail's detail. The data is only said to change:
	 * its feature toggles are the company's business, not the trail's.
	 */
	String changesTo(String newName, ObjectNode newData) {
		String renamed = !newName.equals(this.name) ? "name '" + this.name + "' -> '" + newName + "'" : "";
		String toggled = !newData.equals(this.data) ? "feature toggles changed" : "";
		return (renamed.isEmpty() || toggled.isEmpty()) ? renamed + toggled : renamed + ", " + toggled;
	}
}
