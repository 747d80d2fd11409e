package com.gatehouse.company;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * A company: {@code handle} is the id the API names it by ({@code ^[a-zA-Z0-9_]{1,32}$}),
 * {@code id} its number, {@code data} its feature toggles (rest-api.md §4), {@code description}
 * free text for people (empty when none was given).
 */
public record Company(long id, String handle, String name, String description, ObjectNode data) {

	/**
	 * The value under the company's handle in a reply's {@code values} object. The description is
	 * ours, not the documented reply's, so it is there only when the company has one.
	 */
	Map<String, Object> asValue() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("id", this.id);
		value.put("name", this.name);
		if (!this.description.isEmpty()) {
			value.put("description", this.description);
		}
		value.put("data", this.data);
		return value;
	}

	/**
	 * What a new name, description and data change, for the audit trail's detail. The description
	 * and data are only said to change: the company's business, not the trail's.
	 */
	String changesTo(String newName, String newDescription, ObjectNode newData) {
		StringBuilder changes = new StringBuilder();
		if (!newName.equals(this.name)) {
			changes.append("name '").append(this.name).append("' -> '").append(newName).append('\'');
		}
		if (!newDescription.equals(this.description)) {
			changes.append(changes.isEmpty() ? "" : ", ").append("description changed");
		}
		if (!newData.equals(this.data)) {
			changes.append(changes.isEmpty() ? "" : ", ").append("feature toggles changed");
		}
		return changes.toString();
	}
}
