package com.gatehouse.rest;

import java.util.Locale;

/** The four verbs of {@code /rest/<section>/<verb>/} (rest-api.md §1). */
public enum Verb {

	CREATE, READ, UPDATE, DELETE;

	/**
	 * A Spring Security authority of a call that may only read (a {@code "read"}-restricted Auth
	 * Key): the dispatcher refuses it every other verb of /rest/ops/ with 403, whatever the type.
	 */
	public static final String ONLY_READ_AUTHORITY = "verb:read-only";

	static Verb parse(String verb) {
		try {
			return valueOf(verb.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw RestFailure.notFound("request.unknown_verb", "There is no such verb");
		}
	}
}
