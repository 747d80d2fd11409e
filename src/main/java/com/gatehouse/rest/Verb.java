package com.gatehouse.rest;

import java.util.Locale;

/** The four verbs of {@code /rest/<section>/<verb>/} (rest-api.md §1). */
public enum Verb {

	CREATE, READ, UPDATE, DELETE;

	static Verb parse(String verb) {
		try {
			return valueOf(verb.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw RestFailure.notFound("request.unknown_verb", "There is no such verb");
		}
	}
}
