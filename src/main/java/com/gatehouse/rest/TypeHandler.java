package com.gatehouse.rest;

/**
 * Answers the four verbs for one {@code type} of {@code /rest/ops/}. The dispatcher only
 * guarantees that the call is authenticated; each handler reads its caller and checks what that
 * caller may do itself.
 */
public interface TypeHandler {

	/** The {@code type} this handler answers, as it appears in the body or on the path. */
	String type();

	Object handle(Verb verb, RestRequest request);
}
