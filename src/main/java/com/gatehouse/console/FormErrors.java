package com.gatehouse.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What was wrong with a submitted form, for the page that shows it again: a message per field
 * (shown next to that field by the {@code layout :: fieldError(name)} fragment) and messages about
 * the form as a whole ({@code layout :: formErrors}). Every console page puts one in its model as
 * {@code errors}, empty when nothing failed. The first message for a field wins.
 */
public final class FormErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	private final List<String> general = new ArrayList<>();

	public FormErrors field(String field, String message) {
		this.byField.putIfAbsent(field, message);
		return this;
	}

	public FormErrors general(String message) {
		this.general.add(message);
		return this;
	}

	/**
	 * Adds these errors to {@code into}, each field renamed {@code prefix} + its name capitalised
	 * ({@code name} becomes {@code tokenName}): for a second form on a page whose field names would
	 * otherwise clash.
	 */
	public void renamedInto(FormErrors into, String prefix) {
		this.byField.forEach((field, message) -> into.field(prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1), message));
		this.general.forEach(into::general);
	}

	public boolean has(String field) {
		return this.byField.containsKey(field);
	}

	public @Nullable String message(String field) {
		return this.byField.get(field);
	}

	public List<String> general() {
		return List.copyOf(this.general);
	}

	public boolean isEmpty() {
		return this.byField.isEmpty() && this.general.isEmpty();
	}
}
