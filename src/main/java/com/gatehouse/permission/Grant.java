package com.gatehouse.permission;

import java.util.Locale;
import java.util.Optional;

/**
 * How far a permission reaches (rest-api.md §4): {@code "yes"} everywhere, {@code "company"} only in
 * the caller's current company. The JSON word is {@link #word()}.
 */
public enum Grant {

	COMPANY("company"), YES("yes");

	private final String word;

	Grant(String word) {
		this.word = word;
	}

	public String word() {
		return this.word;
	}

	/** Whether holding this grant includes holding {@code other}: "yes" includes "company". */
	public boolean covers(Grant other) {
		return compareTo(other) >= 0;
	}

	public static Optional<Grant> fromWord(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "yes" -> Optional.of(YES);
			case "company" -> Optional.of(COMPANY);
			default -> Optional.empty();
		};
	}
}
