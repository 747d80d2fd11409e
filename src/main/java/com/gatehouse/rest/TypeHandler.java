package com.gatehouse.rest;

import com.gatehouse.permission.Caller;

/**
 * Answers the four verbs for one {@code type} of {@code /rest/ops/}. Each handler checks its own
 * permissions through the access policy; the dispatcher only guarantees an authenticated caller.
 */
public interface TypeHandler {

	/** The {@code type} this handler answers, as it appears in the body or on the path. */
	String type();

	Object handle(Verb verb, Caller caller, RestRequest request);
}
